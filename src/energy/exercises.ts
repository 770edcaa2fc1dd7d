/** Exercises of the EBM notebooks (ids ebm.*). */
export {};
