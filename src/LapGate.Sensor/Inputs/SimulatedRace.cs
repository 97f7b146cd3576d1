using LapGate.Sensor.Config;

namespace LapGate.Sensor.Inputs;

/// <summary>The race behind <see cref="SimulatedTrack"/>: gate passes in time order, without any clock.</summary>
internal sealed class SimulatedRace
{
    private readonly SimulatorOptions _options;
    private readonly Random _random;
    private readonly PriorityQueue<GatePass, TimeSpan> _queue = new();
    private readonly Car[] _cars;
    private bool _leaderDone;

    public SimulatedRace(SimulatorOptions options, SensorConfig config)
    {
        _options = options;
        _random = new Random(options.Seed);
        _cars = new Car[options.Cars];
        var lanes = SimulatedTrack.RaceLanes(config);
        for (var i = 0; i < _cars.Length; i++)
        {
            var lane = lanes[i];
            var finish = config.Sensors.First(s => s.Lane == lane && s.Point is TrackPoint.FL or TrackPoint.FLPL);
            var pace = options.TypicalLap * (1 + (_random.NextDouble() * 2 - 1) * options.Spread);
            _cars[i] = new Car(lane, pace, finish,
                config.Sensors.FirstOrDefault(s => s.Lane == lane && s.Point == TrackPoint.PE),
                config.Sensors.FirstOrDefault(s => s.Lane == lane && s.Point == TrackPoint.PL));
            var firstCrossing = TimeSpan.FromMilliseconds(300 + i * 150 + _random.Next(100));
            Enqueue(new GatePass(firstCrossing, finish.Pin, i, IsLapEnd: true));
        }
    }

    /// <summary>The next gate pass, or null when the race is over.</summary>
    public GatePass? Next()
    {
        if (!_queue.TryDequeue(out var pass, out _))
        {
            return null;
        }
        if (pass.IsLapEnd)
        {
            OnLapEnd(pass);
        }
        return pass;
    }

    private void OnLapEnd(GatePass pass)
    {
        var car = _cars[pass.Car];
        var lapsDone = car.Crossings++;
        if (_leaderDone || (_options.Laps is { } laps && lapsDone >= laps))
        {
            _leaderDone = true;
            return;
        }
        var lap = car.Pace * (1 + (_random.NextDouble() * 2 - 1) * _options.Spread);
        if (_random.NextDouble() < 0.03)
        {
            lap += TimeSpan.FromMilliseconds(1500 + _random.Next(2000));
        }
        var end = pass.At + lap;
        if (car.PitEnter is { } pe && _random.NextDouble() < _options.PitProbability)
        {
            var stop = TimeSpan.FromMilliseconds(3000 + _random.Next(3000));
            var pitIn = pass.At + lap * 0.6;
            Enqueue(new GatePass(pitIn, pe.Pin, pass.Car, IsLapEnd: false));
            if (car.PitLeave is { } pl)
            {
                Enqueue(new GatePass(pitIn + stop, pl.Pin, pass.Car, IsLapEnd: false));
            }
            end += stop;
        }
        Enqueue(new GatePass(end, car.Finish.Pin, pass.Car, IsLapEnd: true));
    }

    private void Enqueue(GatePass pass)
    {
        _queue.Enqueue(pass, pass.At);
        if (_random.NextDouble() < _options.DoubleTriggerProbability)
        {
            var bounce = pass with { At = pass.At + TimeSpan.FromMilliseconds(2 + _random.Next(20)), IsLapEnd = false };
            _queue.Enqueue(bounce, bounce.At);
        }
    }

    private sealed class Car(int lane, TimeSpan pace, SensorEntry finish, SensorEntry? pitEnter, SensorEntry? pitLeave)
    {
        public int Lane { get; } = lane;

        public TimeSpan Pace { get; } = pace;

        public SensorEntry Finish { get; } = finish;

        public SensorEntry? PitEnter { get; } = pitEnter;

        public SensorEntry? PitLeave { get; } = pitLeave;

        public int Crossings { get; set; }
    }
}
