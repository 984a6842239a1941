// What a V8 heap snapshot holds, summed by kind (node type) and by constructor: the first look at what keeps
// a live heap as big as it is. `npx tsx scripts/testing/heap-snapshot-summary.ts FILE.heapsnapshot`
// (the soak writes one with SOAK_HEAP_SNAPSHOT=1).
import { readFileSync } from "node:fs";

type Snapshot = {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
};

export function summarizeHeapSnapshot(
  file: string,
  top = 25,
): { totalMb: number; byType: [string, number][]; byName: [string, number, number][] } {
  const data = JSON.parse(readFileSync(file, "utf8")) as Snapshot;
  const fields = data.snapshot.meta.node_fields;
  const width = fields.length;
  const typeAt = fields.indexOf("type");
  const nameAt = fields.indexOf("name");
  const sizeAt = fields.indexOf("self_size");
  const types = data.snapshot.meta.node_types[0];
  const byType = new Map<string, number>();
  const byName = new Map<string, { bytes: number; count: number }>();
  let total = 0;
  for (let index = 0; index < data.nodes.length; index += width) {
    const type = types[data.nodes[index + typeAt]!] ?? "?";
    const size = data.nodes[index + sizeAt]!;
    total += size;
    byType.set(type, (byType.get(type) ?? 0) + size);
    // Objects by constructor; strings, code and arrays by their kind (their "names" are their contents).
    const name = type === "object" || type === "closure" ? `${type}: ${data.strings[data.nodes[index + nameAt]!]}` : type;
    const entry = byName.get(name) ?? { bytes: 0, count: 0 };
    entry.bytes += size;
    entry.count += 1;
    byName.set(name, entry);
  }
  const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
  return {
    totalMb: mb(total),
    byType: [...byType].sort((a, b) => b[1] - a[1]).map(([type, bytes]) => [type, mb(bytes)]),
    byName: [...byName]
      .sort((a, b) => b[1].bytes - a[1].bytes)
      .slice(0, top)
      .map(([name, { bytes, count }]) => [name, mb(bytes), count]),
  };
}

if (process.argv[1]?.endsWith("heap-snapshot-summary.ts")) {
  const file = process.argv[2];
  if (!file) throw new Error("usage: heap-snapshot-summary.ts FILE.heapsnapshot");
  console.log(JSON.stringify(summarizeHeapSnapshot(file), null, 2));
}
