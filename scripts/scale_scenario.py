#!/usr/bin/env python3
"""Scales a scenario up for performance work: N copies of its network in the same countries.

    scripts/scale_scenario.py scenarios/bstp-region.yaml --copies 10 -o region-x10.yaml

Copy 1 keeps the scenario's ids; copy k (k = 2..N) suffixes every id it copies with `_c<k>`.
Each copy is its own corridor: its nodes, legs, sectors (with their units), checkpoints,
traffic and organisations refer only to the same copy, so every organisation of copy k finds
the routes its original finds. The countries, unit kinds, training programmes, coordination
agreements, economy, violence, costs and discounting are shared. Quantities that staff or pay
for the network grow with it: each country's officers, the seats of each cohort and the
budgets are multiplied by N, so the trained share and the budget per copy stay as they were.
Observer teams keep their country and visit the named sectors in every copy. Cross-border
pairs of joint patrols are repeated within each copy. Orders are repeated for each copy when
they name something the copies duplicate (a unit, leg, sector or checkpoint).

Policies are rewritten path by path: a path into a copied entry (`sectors.gt_suchiate.units`,
`edges.3.exposure`) becomes one path per copy; any other path stays. The value of each path is
read from the scaled version of the patched scenario, so ids in it are renamed like the base's.

With --copies 1 the output is the input scenario (without its comments). Needs PyYAML
(Debian: python3-yaml). The scenario format is docs/scenario-format.md; a section this script
does not know is an error rather than copied blindly.
"""

import argparse
import copy
import re
import sys

import yaml

# Sections of the format and what scaling does with them.
COPIED_MAPS = ("nodes", "sectors", "checkpoints", "traffic", "organisations")
SHARED = ("unit_kinds", "economy", "corruption", "violence", "costs", "discounting", "enforcement")
KNOWN = ("scenario", "countries", "edges", "training", "coordination", "budget", "orders", "policies") \
    + COPIED_MAPS + SHARED


class ScenarioLoader(yaml.SafeLoader):
    """YAML as the scenario reader takes it: only true/false are booleans (so an id `NO` or
    `on` stays text, as it does for yaml-cpp)."""


ScenarioLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
ScenarioLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


class ScenarioDumper(yaml.SafeDumper):
    """Writes plain trees: no anchors, keys in the order given."""

    def ignore_aliases(self, data):
        return True


class ScaleError(Exception):
    pass


def suffix(copy_index):
    return "" if copy_index == 0 else f"_c{copy_index + 1}"


def edge_id(edge):
    return str(edge["id"]) if "id" in edge else f"{edge['from']}-{edge['to']}"


class Renamer:
    """The ids one copy renames: nodes, sectors, checkpoints, organisations, legs, unit names."""

    def __init__(self, doc, copy_index):
        self.suffix = suffix(copy_index)
        self.ids = set()
        for section in COPIED_MAPS:
            self.ids.update(str(k) for k in (doc.get(section) or {}))
        self.units = set()
        for sector in (doc.get("sectors") or {}).values():
            self.units.update(str(u) for u in (sector or {}).get("unit_names") or [])
        self.edges = {}
        for edge in doc.get("edges") or []:
            if "id" in edge:
                self.edges[str(edge["id"])] = str(edge["id"]) + self.suffix
            else:
                self.edges[edge_id(edge)] = f"{self.id(edge['from'])}-{self.id(edge['to'])}"

    def id(self, value):
        """A node, sector, checkpoint or organisation id (other text is left alone)."""
        return f"{value}{self.suffix}" if isinstance(value, str) and value in self.ids else value

    def ids_in(self, values):
        return [self.id(v) for v in values]

    def edge(self, value):
        return self.edges.get(value, value)

    def unit(self, value):
        """A unit: a name from unit_names, or `<sector>.<n>`."""
        if value in self.units:
            return value + self.suffix
        sector, dot, number = value.partition(".")
        return self.id(sector) + dot + number if dot else value

    def token(self, value):
        """One word of an order, whatever it names."""
        for rename in (self.edge, self.unit, self.id):
            renamed = rename(value)
            if renamed != value:
                return renamed
        return value


def multiply(value, copies):
    """A count or an amount, N times; whole numbers stay whole."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return value
    return value * copies


def scale_countries(countries, copies):
    out = copy.deepcopy(countries)
    for country in (out or {}).values():
        police = (country or {}).get("police")
        if police and "officers" in police:
            police["officers"] = multiply(police["officers"], copies)
    return out


def copy_node(node, r, copy_index):
    out = copy.deepcopy(node)
    if out.get("sector"):
        out["sector"] = r.id(out["sector"])
    if copy_index > 0 and out.get("name"):
        out["name"] = f"{out['name']} (copy {copy_index + 1})"
    return out


def copy_edge(edge, r):
    out = copy.deepcopy(edge)
    out["from"], out["to"] = r.id(edge["from"]), r.id(edge["to"])
    if "id" in out:
        out["id"] = r.edge(str(edge["id"]))
    if out.get("sector"):
        out["sector"] = r.id(out["sector"])
    return out


def copy_sector(sector, r):
    out = copy.deepcopy(sector)
    if out.get("home_base"):
        out["home_base"] = r.id(out["home_base"])
    if out.get("posts"):
        out["posts"] = [r.edge(str(p)) for p in out["posts"]]
    if out.get("unit_names"):
        out["unit_names"] = [r.unit(str(u)) for u in out["unit_names"]]
    return out


def copy_organisation(organisation, r, copy_index):
    out = copy.deepcopy(organisation)
    out["sources"] = r.ids_in(out.get("sources") or [])
    out["destinations"] = r.ids_in(out.get("destinations") or [])
    protection = out.get("protection")
    if protection and protection.get("sectors"):
        protection["sectors"] = r.ids_in(protection["sectors"])
    if copy_index > 0 and out.get("name"):
        out["name"] = f"{out['name']} (copy {copy_index + 1})"
    return out


COPY_ENTRY = {
    "nodes": lambda entry, r, k: copy_node(entry, r, k),
    "sectors": lambda entry, r, k: copy_sector(entry, r),
    "checkpoints": lambda entry, r, k: copy.deepcopy(entry),
    "traffic": lambda entry, r, k: copy.deepcopy(entry),
    "organisations": lambda entry, r, k: copy_organisation(entry, r, k),
}


def copy_map(section, entries, renamers):
    out = {}
    for k, r in enumerate(renamers):
        for key, entry in (entries or {}).items():
            new_key = r.id(str(key))
            if new_key in out:
                raise ScaleError(f"{section}.{new_key}: the id of copy {k + 1} is already taken")
            out[new_key] = COPY_ENTRY[section](entry if entry is not None else {}, r, k)
    return out


def scale_training(training, renamers, copies):
    out = copy.deepcopy(training)
    for program in (out.get("programs") or {}).values():
        for cohort in (program or {}).get("cohorts") or []:
            if "seats" in cohort:
                cohort["seats"] = multiply(cohort["seats"], copies)
            if cohort.get("seats_by_country"):
                cohort["seats_by_country"] = {c: multiply(s, copies) for c, s in cohort["seats_by_country"].items()}
    for team in out.get("observers") or []:
        if team.get("sectors"):
            team["sectors"] = [r.id(s) for r in renamers for s in team["sectors"]]
    return out


def scale_coordination(coordination, renamers):
    out = copy.deepcopy(coordination)
    if out.get("joint_patrols"):
        out["joint_patrols"] = [
            {**pair, "sector_a": r.id(pair.get("sector_a")), "sector_b": r.id(pair.get("sector_b"))}
            for r in renamers for pair in coordination["joint_patrols"]]
    return out


def scale_budget(budget, copies):
    out = copy.deepcopy(budget)
    for limits in (out or {}).values():
        for key in ("total_usd", "usd_per_month"):
            if key in (limits or {}):
                limits[key] = multiply(limits[key], copies)
    return out


def scale_orders(orders, renamers):
    out = []
    for order in orders or []:
        words = str(order.get("order", "")).split()
        for k, r in enumerate(renamers):
            renamed = [r.token(w) for w in words]
            if k > 0 and renamed == words:
                break  # names nothing the copies duplicate: given once
            out.append({**order, "order": " ".join(renamed)})
    return out


def scale_tree(doc, copies):
    """The scenario tree with N copies of its network (policies excluded)."""
    unknown = [s for s in doc if s not in KNOWN]
    if unknown:
        raise ScaleError(f"unknown section '{unknown[0]}': scale_scenario.py knows {', '.join(KNOWN)}")
    renamers = [Renamer(doc, k) for k in range(copies)]
    out = {}
    for section, value in doc.items():
        if section == "policies":
            continue
        if section == "scenario":
            out[section] = copy.deepcopy(value)
            if copies > 1:
                out[section]["name"] = f"{value.get('name', 'scenario')}-x{copies}"
                out[section]["description"] = (
                    f"{copies} copies of the network of {value.get('name', 'the scenario')} in the same countries "
                    f"(scripts/scale_scenario.py). {value.get('description', '')}").strip()
        elif section == "countries":
            out[section] = scale_countries(value, copies)
        elif section in COPIED_MAPS:
            out[section] = copy_map(section, value, renamers)
        elif section == "edges":
            out[section] = [copy_edge(e, r) for r in renamers for e in value or []]
        elif section == "training":
            out[section] = scale_training(value or {}, renamers, copies)
        elif section == "coordination":
            out[section] = scale_coordination(value or {}, renamers)
        elif section == "budget":
            out[section] = scale_budget(value, copies)
        elif section == "orders":
            out[section] = scale_orders(value, renamers)
        else:
            out[section] = copy.deepcopy(value)
    return out


# --- policies -------------------------------------------------------------------------------------

def path_parts(path):
    return str(path).split(".")


def patch(doc, path, value):
    """Sets the value at a dotted path, as a policy's `set` does (a new id entry is allowed)."""
    parts = path_parts(path)
    node = doc
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        if isinstance(node, list):
            index = int(part)
            if last:
                node[index] = copy.deepcopy(value)
            else:
                node = node[index]
        else:
            if last:
                node[part] = copy.deepcopy(value)
            else:
                if node.get(part) is None:
                    node[part] = {}
                node = node[part]


def lookup(doc, parts):
    node = doc
    for part in parts:
        node = node[int(part)] if isinstance(node, list) else node[part]
    return node


def scaled_paths(path, base, copies):
    """The paths of the scaled scenario that a policy path of the base becomes."""
    parts = path_parts(path)
    head = parts[0]
    if head in COPIED_MAPS and len(parts) > 1:
        renamers = [Renamer(base, k) for k in range(copies)]
        out = []
        for r in renamers:
            renamed = r.id(parts[1])
            if renamed == parts[1] and r.suffix:  # a new entry the policy adds: suffix it too
                renamed = parts[1] + r.suffix
            out.append([head, renamed] + parts[2:])
        return out
    if head == "edges" and len(parts) > 1:
        count = len(base.get("edges") or [])
        return [["edges", str(int(parts[1]) + k * count)] + parts[2:] for k in range(copies)]
    return [parts]


def scale_policies(base, copies):
    out = {}
    for name, policy in (base.get("policies") or {}).items():
        policy = policy or {}
        scaled_policy = {k: copy.deepcopy(v) for k, v in policy.items() if k != "set"}
        if policy.get("set"):
            patched = copy.deepcopy(base)
            patched.pop("policies", None)
            for path, value in policy["set"].items():
                patch(patched, path, value)
            scaled_patched = scale_tree(patched, copies)
            scaled_set = {}
            for path in policy["set"]:
                for parts in scaled_paths(path, base, copies):
                    scaled_set[".".join(parts)] = lookup(scaled_patched, parts)
            scaled_policy["set"] = scaled_set
        out[name] = scaled_policy
    return out


def scale(doc, copies):
    out = scale_tree(doc, copies)
    if "policies" in doc:
        out["policies"] = scale_policies(doc, copies)
    return out


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("scenario", help="the scenario file to scale")
    parser.add_argument("--copies", type=int, default=10, help="copies of the network (default 10)")
    parser.add_argument("-o", "--output", required=True, help="where to write the scaled scenario ('-': stdout)")
    args = parser.parse_args(argv)
    if args.copies < 1:
        parser.error("--copies: expected a whole number >= 1")
    try:
        with open(args.scenario, encoding="utf-8") as f:
            doc = yaml.load(f, Loader=ScenarioLoader)
        if not isinstance(doc, dict):
            raise ScaleError("expected a scenario (a mapping of sections)")
        scaled = scale(doc, args.copies)
    except (OSError, yaml.YAMLError, ScaleError, KeyError, IndexError, ValueError, TypeError) as e:
        print(f"{args.scenario}: {e}", file=sys.stderr)
        return 2
    header = (f"# {args.copies} copies of the network of {args.scenario.rsplit('/', 1)[-1]}, written by "
              f"scripts/scale_scenario.py --copies {args.copies}. Generated: edit the original instead.\n")
    text = header + yaml.dump(scaled, Dumper=ScenarioDumper, sort_keys=False, allow_unicode=True, width=200,
                              default_flow_style=None)
    if args.output == "-":
        sys.stdout.write(text)
    else:
        with open(args.output, "w", encoding="utf-8") as f:
            f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
