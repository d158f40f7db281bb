/** The contract's page sizes: `first` is 20 when omitted and at most 100, on every connection. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
