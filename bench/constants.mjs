// Seeds shared by the bench and its child processes, so that the peer's heap is measured on
// exactly the paths its timed run looked up.
export const PEER_SAMPLE_SEED = 7;
export const LOOKUP_SAMPLE_SEED = 11;
