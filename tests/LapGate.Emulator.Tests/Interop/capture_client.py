#!/usr/bin/python3
"""An independent SmartRace Connect sensor (Python, websockets 10+ asyncio API) that replays the
api 7 capture step by step against an emulator, then sends an exact duplicate lap.

Usage: capture_client.py ws://127.0.0.1:PORT/     Exit code 0 when every step behaved, 1 otherwise.
"""
import asyncio
import json
import sys

import websockets

# The sensor's frames after registration, in the order of captures/api-v7-session.txt ("Full output").
CAPTURE_FRAMES = [
    {"type": "analog_lap", "data": {"timestamp": 1722773108999, "controller_id": 2}},
    {"type": "analog_lap", "data": {"timestamp": 1722773109119, "controller_id": 1}},
    {"type": "analog_pit_enter", "data": {"controller_id": 2}},
    {"type": "analog_pit_leave", "data": {"controller_id": 2}},
    {"type": "analog_lap", "data": {"timestamp": 1722773112733, "controller_id": 2}},
    {"type": "analog_lap", "data": {"timestamp": 1722773112764, "controller_id": 1}},
    {"type": "analog_lap", "data": {"timestamp": 1722773115457, "controller_id": 2}},
    {"type": "analog_lap", "data": {"timestamp": 1722773115528, "controller_id": 1}},
    {"type": "analog_lap", "data": {"timestamp": 1722773128339, "controller_id": 1}},
    {"type": "analog_lap", "data": {"timestamp": 1722773128345, "controller_id": 2}},
]

# The app re-sending the last lap after a reconnect: an exact duplicate the emulator must ignore.
DUPLICATE = {"type": "analog_lap", "data": {"timestamp": 1722773128345, "controller_id": 2}}


def fail(message):
    print("FAIL: " + message, file=sys.stderr)
    return 1


async def run(uri):
    async with websockets.connect(uri, open_timeout=10, close_timeout=5) as ws:
        # The capture's sensor sends exactly this text.
        await ws.send('{"type":"api_version"}')
        replies = []
        for _ in range(3):
            replies.append(json.loads(await asyncio.wait_for(ws.recv(), 10)))
        types = [r.get("type") for r in replies]
        if types != ["update_controller_data", "update_server_info", "api_version"]:
            return fail("handshake replies out of order: %s" % types)
        controllers = replies[0].get("data", {})
        if sorted(controllers) != ["1", "2", "3", "4", "5", "6"]:
            return fail("expected controllers 1..6, got %s" % sorted(controllers))
        if replies[1].get("data") != {"is_subscribed": False}:
            return fail("unexpected server info %s" % replies[1])
        if replies[2].get("data") != {"api_version": 7}:
            return fail("unexpected api version %s" % replies[2])
        print("handshake ok: %s" % ", ".join(types))

        # As the original sensor writes it (with spaces).
        await ws.send('{"type": "controller_set", "data": {"controller_id": "Z"}}')
        for frame in CAPTURE_FRAMES:
            await ws.send(json.dumps(frame))
        await ws.send(json.dumps(DUPLICATE))
        print("sent %d capture frames and 1 duplicate" % len(CAPTURE_FRAMES))
    return 0


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        return asyncio.run(run(sys.argv[1]))
    except (OSError, asyncio.TimeoutError, websockets.exceptions.WebSocketException) as ex:
        return fail("%s: %s" % (type(ex).__name__, ex))


if __name__ == "__main__":
    sys.exit(main())
