namespace LapGate.Sensor.Outbox;

/// <summary>Why an outbox cannot be written (see <see cref="OutboxProblem"/>).</summary>
public enum OutboxProblemKind
{
    /// <summary>The outbox path names a folder.</summary>
    Folder,

    /// <summary>The filesystem is mounted read-only.</summary>
    ReadOnlyFilesystem,

    /// <summary>The disk (or filesystem) is full.</summary>
    NoSpace,

    /// <summary>The user running the sensor may not write the file or its folder.</summary>
    Permission,

    /// <summary>The file was written by a newer LapGate (a schema version this one does not know).</summary>
    NewerSchema,

    /// <summary>Another cause, named in <see cref="OutboxProblem.Cause"/> (an I/O error, for one).</summary>
    Other,
}
