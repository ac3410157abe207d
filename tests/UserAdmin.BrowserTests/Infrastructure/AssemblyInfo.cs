// One app host and one Chromium at a time: Hangfire's static state and a 2-core CI machine.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
