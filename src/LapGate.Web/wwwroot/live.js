// The push connection every LapGate page uses (Server-Sent Events, "update" events): the emulator's
// dashboard and the sensor's status page. Every message is the full state, so the first one after a
// reconnect refreshes everything. A stream that errors or goes quiet for longer than the watchdog (the
// servers send at least every second) is closed and opened again with a growing delay (1 s, 2 s, 4 s …
// at most 10 s); coming back to the tab reconnects at once. onStatus gets "connecting", "live",
// "reconnecting", or "error" with a sentence.
const WatchdogMs = 5000;
const MaxDelayMs = 10000;

export class LiveConnection {
  constructor(url, onUpdate, onStatus) {
    this.url = url;
    this.onUpdate = onUpdate;
    this.onStatus = onStatus;
    this.source = null;
    this.watchdog = 0;
    this.retry = 0;
    this.attempt = 0;
    this.live = false;
  }

  start() {
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible" && !this.live) {
        this.reconnectNow();
      }
    });
    this.connect();
  }

  connect() {
    this.onStatus(this.attempt === 0 ? "connecting" : "reconnecting");
    const source = new EventSource(this.url);
    this.source = source;
    source.addEventListener("update", (event) => {
      if (source !== this.source) {
        return;
      }
      this.attempt = 0;
      this.armWatchdog();
      let update;
      try {
        update = JSON.parse(event.data);
      } catch (error) {
        this.onStatus("error", `bad update from the server: ${error.message}`);
        return;
      }
      if (!this.live) {
        this.live = true;
        this.onStatus("live");
      }
      this.onUpdate(update);
    });
    source.addEventListener("error", () => {
      if (source === this.source) {
        this.dropped();
      }
    });
    this.armWatchdog();
  }

  armWatchdog() {
    clearTimeout(this.watchdog);
    this.watchdog = setTimeout(() => this.dropped(), WatchdogMs);
  }

  dropped() {
    clearTimeout(this.watchdog);
    if (this.source) {
      this.source.close();
      this.source = null;
    }
    this.live = false;
    if (this.retry) {
      return;
    }
    this.onStatus("reconnecting");
    const delay = Math.min(1000 * 2 ** this.attempt, MaxDelayMs);
    this.attempt += 1;
    this.retry = setTimeout(() => {
      this.retry = 0;
      this.connect();
    }, delay);
  }

  reconnectNow() {
    clearTimeout(this.retry);
    this.retry = 0;
    clearTimeout(this.watchdog);
    if (this.source) {
      this.source.close();
    }
    this.connect();
  }
}

// Shows a connection status in an element (its data-status and words) and marks the page stale while not live.
export function showLink(element, status, detail) {
  element.dataset.status = status;
  element.textContent = { live: "live", connecting: "connecting…", reconnecting: "reconnecting…", error: detail || "error" }[status] || status;
  document.body.classList.toggle("stale", status !== "live");
}
