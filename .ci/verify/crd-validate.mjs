// Validates custom resources against the CRD-derived schemas shipped by the npm package
// @kubernetes-models/traefik (generated from Traefik v3's CRD Go types). Reads a JSON array of
// {file, object} from stdin, prints one JSON line per object: {file, ok, error}.
import { pathToFileURL } from "node:url";
import { existsSync } from "node:fs";
import path from "node:path";

// argv[2]: the npm prefix the package was installed into.
const modules = path.join(process.argv[2], "node_modules");
const groups = { "traefik.io/v1alpha1": "@kubernetes-models/traefik/traefik.io/v1alpha1" };

let input = "";
for await (const chunk of process.stdin) input += chunk;
for (const { file, object } of JSON.parse(input)) {
  const base = groups[object.apiVersion];
  let result;
  try {
    const modelFile = path.join(modules, base, `${object.kind}.js`);
    if (!base || !existsSync(modelFile)) throw new Error(`no schema for ${object.apiVersion} ${object.kind}`);
    const Model = (await import(pathToFileURL(modelFile).href))[object.kind];
    new Model(object).validate();
    result = { file, ok: true };
  } catch (e) {
    result = { file, ok: false, error: String(e.message || e) };
  }
  console.log(JSON.stringify(result));
}
