// Load a GraphML or GEXF file with graphology (an independent reader: JavaScript, its own XML
// parser) and print what it read as JSON: node and edge counts, and every edge as
// [key, source, target, attributes]. Exit 1 with the reader's message when it refuses the file.
import { readFileSync } from "node:fs";
import Graph from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { parse as parseGraphml } from "graphology-graphml";

const path = process.argv[2];
const text = readFileSync(path, "utf-8");
const parse = path.endsWith(".gexf") ? parseGexf : parseGraphml;
try {
  const graph = parse(Graph, text, { addMissingNodes: false });
  const edges = graph.mapEdges((key, attributes, source, target) => [key, source, target, attributes]);
  console.log(JSON.stringify({ order: graph.order, size: graph.size, type: graph.type, multi: graph.multi, edges }));
} catch (error) {
  console.error(`${path}: ${error.message}`);
  process.exit(1);
}
