// Hangfire keeps process-wide static state; app hosts in one process must not run side by side.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
