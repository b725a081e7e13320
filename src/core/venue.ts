/** Venues grouped as series, for stats and the web page's venue facet. */

/** A venue without its year and remarks, so "NeurIPS 2023 (Oral)" and "NeurIPS 2024" count together. */
export function venueSeries(venue: string): string {
  return venue.replace(/\([^)]*\)/g, ' ').replace(/[,\s]*\b(?:19|20)\d{2}\b.*$/, '').replace(/\s+/g, ' ').trim() || venue.trim();
}
