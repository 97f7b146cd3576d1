// One Chromium at a time: the machine is small and the browser tests are the heavy ones.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
