"""For each function of template.yaml: the IAM actions its integration tests performed against the local
stack (the request log in RECORD_DIR, see scripts/local-stack) against the actions its role is granted
(scripts/testing/iam_grants.py). Run by scripts/check-iam-actions with .tools/sam's python.

  check_iam_actions.py REPO TEMPLATE RECORD_DIR

Verdicts, one row per action:
  ok            granted and performed, every resource inside the grant
  FAIL          performed but not granted; granted but never performed; a resource outside the grant
  excluded      granted for the Lambda service, not for the function's code (logs, tracing, network
                interfaces, the SQS poller, destinations): said so with the reason, never performed by the code
  uncovered     the local stack does not run the function, so no test says what it needs

Which tests' requests count (Tests/FunctionIntegrationTests, run by scripts/test-integration): each suite
runs its function's binary through lambda-local with env.json, so under that function's key:
StatusUpdater-, UserCreator- (which also runs RdsSeeder to migrate), RdsSeeder-, TrafficGenerator-,
PetfoodStock-, ImageGenerator- and CleanupIntegrationTests. Not counted: the tests' own setup and checks
(Parameters' key), PetfoodStockConcurrencyTests (PetfoodStock against a moto of its own,
scripts/testing/moto-serial.py: the same transaction as PetfoodStockIntegrationTests), ImageGenerator's
DynamoDBFoodCatalog called in-process by its last test (the harness's key: the binary's UpdateItem is counted
in the other tests), PetDatabaseIntegrationTests (PostgreSQL only).
"""
import datetime
import json
import os
import re
import sys
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import iam_grants  # noqa: E402

SQS_POLLER_ACTIONS = {"sqs:receivemessage", "sqs:deletemessage", "sqs:getqueueattributes", "sqs:changemessagevisibility"}
DESTINATION_ACTIONS = {"sqs:sendmessage", "sns:publish", "lambda:invokefunction", "events:putevents"}
NETWORK_ACTIONS = {"ec2:createnetworkinterface", "ec2:describenetworkinterfaces", "ec2:deletenetworkinterface",
                   "ec2:assignprivateipaddresses", "ec2:unassignprivateipaddresses", "ec2:describesubnets",
                   "ec2:describesecuritygroups", "ec2:describevpcs"}


def lambda_service_use(function, grant):
    """Why the Lambda service, not the function's code, uses this grant; None when the code must."""
    action = grant.action.lower()
    expressions = [resource.expression for resource in grant.resources]
    if action.startswith("logs:"):
        return "used by the Lambda service for the function's logs (CloudWatch Logs)"
    if action.startswith("xray:") and function.properties.get("TracingConfig", {}).get("Mode") == "Active":
        return "used by the Lambda service for active tracing (Tracing: Active)"
    if action in NETWORK_ACTIONS and "VpcConfig" in function.properties:
        return "used by the Lambda service for VpcConfig (the function's network interfaces)"
    if action in SQS_POLLER_ACTIONS:
        for name, queue in function.event_sources:
            if queue in expressions or "*" in expressions:
                return f"used by the Lambda service for the SQS event source {name}"
    if action in DESTINATION_ACTIONS:
        for what, target in function.destinations:
            if target in expressions:
                return f"used by the Lambda service for {what}"
    return None


def performed_requests(record_dir):
    """(requests per function, key id per function, requests by the test harness or unknown keys)."""
    environment_file = os.path.join(record_dir, "env.json")
    moto_log = os.path.join(record_dir, "moto.jsonl")
    if not (os.path.exists(environment_file) and os.path.exists(moto_log)):
        raise SystemExit(f"no request log in {record_dir}: run scripts/test-integration first "
                         "(scripts/local-stack start begins it)")
    environment = json.load(open(environment_file))
    owners = {section["AWS_ACCESS_KEY_ID"]: name for name, section in environment.items()
              if name != "Parameters" and "AWS_ACCESS_KEY_ID" in section}
    by_function = defaultdict(list)
    others = defaultdict(int)
    for log in ("moto.jsonl", "bedrock.jsonl"):
        path = os.path.join(record_dir, log)
        if not os.path.exists(path):
            continue
        for line in open(path):
            request = json.loads(line)
            owner = owners.get(request["accessKeyId"])
            if owner is None:
                others[request["accessKeyId"]] += 1
            else:
                for performed in request["actions"]:
                    by_function[owner].append((performed["action"], performed["resource"]))
    return environment, by_function, others


def short(resource):
    """An ARN without its partition, region and account, which are the same everywhere here."""
    return re.sub(r"^arn:aws:[a-z0-9-]+:[a-z0-9-]*:(\d{12})?:", "", resource)


def rows_for(function, performed, covered, named):
    """[(action, granted, performed, verdict, passed)] for one function; passed is True, False or None."""
    by_action = defaultdict(list)
    for grant in function.grants:
        by_action[grant.action].append(grant)
    matched = set()
    rows = []
    for action, grants in by_action.items():
        if action.startswith("("):
            rows.append((action, grants[0].source, "", "FAIL cannot read the role's grants", False))
            continue
        granted = ", ".join(sorted({short(resource.text) for grant in grants for resource in grant.resources}))
        conditions = sorted({grant.condition for grant in grants if grant.condition})
        if conditions:
            granted += f" (if {', '.join(conditions)})"
        calls = [(name, resource) for name, resource in performed if grants[0].matches_action(name)]
        matched.update(calls)
        reasons = {lambda_service_use(function, grant) for grant in grants}
        counts = defaultdict(int)
        for _, resource in calls:
            counts[resource] += 1
        done = ", ".join(f"{count}x {short(resource)}" for resource, count in sorted(counts.items()))
        if not covered:
            rows.append((action, granted, "", f"uncovered: the local stack runs no {function.name} "
                                               "(no section in env.json), so no integration test exercises it", None))
        elif not calls:
            if None in reasons:
                rows.append((action, granted, "", "FAIL granted, never performed", False))
            else:
                rows.append((action, granted, "", f"excluded: {' / '.join(sorted(reasons))}", None))
        else:
            rows.append((action, granted, done, *resource_verdict(grants, counts, named)))
    unmatched = defaultdict(int)
    for call in performed:
        if call not in matched:
            unmatched[call] += 1
    for name in sorted({name for name, _ in unmatched}):
        done = ", ".join(f"{count}x {short(resource)}" for (action, resource), count in sorted(unmatched.items())
                         if action == name)
        rows.append((name, "", done, "FAIL performed, not granted", False))
    return rows


def loose_match(granted, resource, named):
    """None when `resource` is outside the grant whatever the parameters; else the variables whose env.json
    values the parameters would need to take, which rules the match out (the CA bundle parameter is not
    "another SecretParameterName"): [] is a match."""
    match = granted.loose.match(resource)
    if not match:
        return None
    return [named[match.group(group)] for group, (_, value) in granted.groups.items()
            if match.group(group) != value and match.group(group) in named]


def resource_verdict(grants, counts, named):
    """(verdict, passed) for the resources one granted action was performed on; `named`: env.json's
    values, each with the variable that holds it."""
    outside, other_values, unresolved = [], set(), set()
    for resource in counts:
        grant_resources = [granted for grant in grants for granted in grant.resources]
        exact = [granted for granted in grant_resources if granted.exact.match(resource)]
        if exact:
            unresolved.update(parameter for granted in exact for parameter in granted.unresolved)
            continue
        loose = [(granted, loose_match(granted, resource, named)) for granted in grant_resources]
        if any(taken == [] for _, taken in loose):
            other_values.update(parameter for granted, taken in loose if taken == [] for parameter in granted.parameters)
        else:
            taken = sorted({variable for _, variables in loose for variable in variables or []})
            outside.append(short(resource) + (f" (what {', '.join(taken)} names)" if taken else ""))
    if outside:
        return f"FAIL resource outside the grant: {', '.join(outside)}", False
    notes = []
    if other_values:
        notes.append(f"some with another value of {', '.join(sorted(other_values))} than the local stack's, "
                     "as a test configured it")
    if unresolved:
        notes.append(f"{', '.join(sorted(unresolved))}: no value in env.json, matched by what the template allows")
    return "ok" + (f" ({'; '.join(notes)})" if notes else ""), True


def print_table(name, rows):
    headers = ("action", "granted", "performed", "verdict")
    widths = [min(max(len(str(row[index])) for row in [headers, *rows]), 60) for index in range(3)]
    print(f"\n== {name}")
    for row in [headers, *rows]:
        cells = [str(cell) if len(str(cell)) <= width else str(cell)[:width - 3] + "..."
                 for cell, width in zip(row[:3], widths)]
        print("  " + "  ".join(cell.ljust(width) for cell, width in zip(cells, widths)) + "  " + row[3])


def main():
    repo, template, record_dir = sys.argv[1:4]
    environment, performed, others = performed_requests(record_dir)
    started = datetime.datetime.fromtimestamp(os.path.getmtime(os.path.join(record_dir, "env.json")))
    print(f"requests since the local stack started at {started:%Y-%m-%d %H:%M:%S}, from {record_dir}")
    functions = iam_grants.functions(template, environment, repo)
    named = {value: variable for section in environment.values() for variable, value in section.items()
             if isinstance(value, str) and not variable.startswith("AWS_")}
    totals = defaultdict(int)
    for name, function in functions.items():
        rows = rows_for(function, performed.get(name, []), covered=name in environment, named=named)
        print_table(name, rows)
        for *_, passed in rows:
            totals[{True: "passed", False: "failed", None: "not checked"}[passed]] += 1
    for name in sorted(set(performed) - set(functions)):
        print(f"\nFAIL {name} sent requests but is not a function of template.yaml")
        totals["failed"] += 1
    harness = environment.get("Parameters", {}).get("AWS_ACCESS_KEY_ID")
    for key, count in sorted(others.items()):
        who = "the tests' own calls" if key == harness else "an access key of no function"
        print(f"\nnot counted: {count} requests signed with {key} ({who})")
    print(f"\n{totals['not checked']} rows excluded or uncovered, with the reason above")
    print(f"{totals['passed']} passed, {totals['failed']} failed")
    return 1 if totals["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
