// How tightly the list sets its rows: comfortable (the default) or compact, remembered in a cookie so the
// server renders the chosen density from the first byte and the page never jumps.
export type Density = "comfortable" | "compact";

export const DENSITY_COOKIE = "mailroom_density";

export function densityOf(value: string | undefined): Density {
  return value === "compact" ? "compact" : "comfortable";
}
