// How many sequential round trips a set of logged requests (the emulator's request log) took: requests that
// overlap in time share a round trip; one that starts after all before it ended starts another. Used by
// `npm run bench` and by tests that check a page's round trips.

export type TimedRequest = { t: number; ms: number };

export function sequentialRoundTrips(requests: readonly TimedRequest[]): number {
  let trips = 0;
  let groupEnd = -Infinity;
  for (const request of [...requests].sort((a, b) => a.t - b.t)) {
    // `t` is whole milliseconds (Date.now() at arrival) and may read up to 1 ms early; compare in whole
    // milliseconds so a request sent right after the previous answer still counts as a new round trip.
    if (request.t >= Math.floor(groupEnd)) trips += 1;
    groupEnd = Math.max(groupEnd, request.t + request.ms);
  }
  return trips;
}
