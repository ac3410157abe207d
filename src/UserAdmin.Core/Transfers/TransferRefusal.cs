namespace UserAdmin.Core.Transfers;

/// <summary>Why a pair may not be transferred; code branches on the kind, people read the message (R-TRF-10).</summary>
public enum TransferRefusalKind
{
    MissingPermission,
    SameUser,
    SourceMissing,
    TargetMissing,
    SourceOutsideView,
    TargetOutsideView,
    TenantAdministrator,

    /// <summary>R-TRF-5: the user is the source or target of a queued or running transfer.</summary>
    UserBusy,

    /// <summary>R-TRF-6: the source's data was already transferred, and nobody acknowledged it.</summary>
    AlreadyTransferred,

    /// <summary>The administrator who started a run can no longer sign in.</summary>
    AdministratorGone,

    /// <summary>R-BLK-5: another bulk is queued or running (the API answers 409 Conflict).</summary>
    AnotherBulkActive,

    /// <summary>Anything else that stopped a start (no pairs, too many pairs).</summary>
    CannotStart,
}

/// <summary>A refusal: its kind, and a message in the product's words.</summary>
public sealed record TransferRefusal(TransferRefusalKind Kind, string Message)
{
    public override string ToString() => Message;
}
