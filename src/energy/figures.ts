/** Figure builders of the EBM notebooks. */
export {};
