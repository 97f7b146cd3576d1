using CsCheck;
using LapGate.Sensor.Link;

namespace LapGate.Sensor.Tests.Link;

public class PendingQueueTests
{
    [Fact]
    public void AddAndRemoveFirst_AnySequence_SameEventsInTheSameOrderAsAList()
    {
        // Each step adds up to 3000 events or removes up to 3000 from the front: enough to cross the point where the
        // queue reclaims the removed part, many times over.
        Gen.Int[-3000, 3000].Array[1, 60].Sample(steps =>
        {
            var queue = new PendingQueue();
            var model = new List<long>();
            var next = 1L;
            foreach (var step in steps)
            {
                if (step >= 0)
                {
                    for (var i = 0; i < step; i++, next++)
                    {
                        queue.Add(Lap(1, next));
                        model.Add(next);
                    }
                }
                else
                {
                    var count = Math.Min(-step, model.Count);
                    queue.RemoveFirst(count);
                    model.RemoveRange(0, count);
                }

                Assert.Equal(model.Count, queue.Count);
                Assert.Equal(model, Enumerable.Range(0, queue.Count).Select(i => queue[i].Event.TimestampMs));
            }
        }, iter: 300);
    }

    [Fact]
    public void MarkAllUnsent_SentPrefix_EveryOneUnsentAgain()
    {
        var queue = new PendingQueue();
        for (var i = 1; i <= 5; i++)
        {
            queue.Add(Lap(1, i));
        }
        queue[0].SentEnd = 10;
        queue[1].SentEnd = 20;
        Assert.True(queue.AnySent);

        queue.MarkAllUnsent();

        Assert.False(queue.AnySent);
        Assert.All(Enumerable.Range(0, queue.Count), i => Assert.Null(queue[i].SentEnd));
    }

    [Fact]
    public void RemoveFirst_MoreThanItHolds_Refused()
    {
        var queue = new PendingQueue();
        queue.Add(Lap(1, 1));

        Assert.Throws<ArgumentOutOfRangeException>(() => queue.RemoveFirst(2));
        Assert.Equal(1, queue.Count);
    }
}
