import fc from 'fast-check';

// Each mutant reruns the properties; fewer generated playbooks per property keep a mutation run
// within minutes while still reaching every branch the full run reaches.
fc.configureGlobal({ numRuns: 25 });
