// Docker writes one mount two ways: `-v SOURCE:TARGET[:OPTIONS]` and `--mount
// type=…,source=…,target=…` (docs.docker.com, "Choose the -v or --mount flag"). In `-v`,
// a source that is a path (`/`, `.`, `~`) is a bind mount, a name a volume.

type Option = { name: string; value?: string };

/** A `-v` source that is a path on the host (a bind mount), not a volume's name. */
export const isHostPath = (source: string) => /^[/.~]/.test(source) || /^<host[^>]*>/.test(source);

/** A mount option as `type:source:target`, whichever way it was written; null for any other option. */
export function mountOf({ name, value }: Option): string | null {
  if (!value) return null;
  if (name === "--volume") {
    const [source = "", target, ...options] = value.split(":");
    // `-v /data`: an anonymous volume at /data.
    if (target === undefined) return `volume::${source}`;
    return `${isHostPath(source) ? "bind" : "volume"}:${source}:${[target, ...options].join(":")}`;
  }
  if (name === "--mount") {
    const fields = new Map(value.split(",").map((field) => field.split("=", 2) as [string, string | undefined]));
    const source = fields.get("source") ?? fields.get("src") ?? "";
    const target = fields.get("target") ?? fields.get("destination") ?? fields.get("dst") ?? "";
    return `${fields.get("type") ?? "volume"}:${source}:${target}`;
  }
  return null;
}

/** Options with every mount written one way (as `--mount type:source:target`). */
export const withMounts = (options: Option[]): Option[] =>
  options.map((option) => {
    const mount = mountOf(option);
    return mount === null ? option : { name: "--mount", value: mount };
  });
