/** The in-memory shape of one catalogue entry, as the schema allows it. */
export {};
