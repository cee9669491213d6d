"""What template.yaml grants each function's execution role, read through AWS's SAM translator (run with
.tools/sam's python): the role's inline policies, the managed policies SAM attaches (their documents from
moto's copy of AWS's managed policies), and any AWS::IAM::Policy attached to the role.

A granted resource is matched in two ways. `exact`: with the values the local stack gives the template's
parameters, learnt from env.json (a variable that is `!Ref X` in the template has X's value there).
`loose`: with any value a parameter allows (its AllowedPattern or AllowedValues), since a test may run a
function with another value, as another deployment would (RdsSeeder on a scratch secret parameter); but
never with a value that env.json gives another variable (that resource is another grant's, or none's).
"""
import fnmatch
import glob
import json
import os
import re
import runpy

from sam_translation import translate

REGION, ACCOUNT = "us-east-1", "123456789012"  # the local stack's (moto's default account)
PSEUDO = {"AWS::Region": REGION, "AWS::AccountId": ACCOUNT, "AWS::Partition": "aws", "AWS::URLSuffix": "amazonaws.com"}
MANAGED_PREFIX = "arn:aws:iam::aws:policy/"


def managed_policy_documents(repo):
    found = glob.glob(os.path.join(repo, ".tools/moto/lib/python3*/site-packages/moto/iam/aws_managed_policies.py"))
    if not found:
        raise SystemExit("moto's managed policies are missing: run scripts/install/moto.sh")
    policies = json.loads(runpy.run_path(found[0])["aws_managed_policies_data"])
    return {name: policy["Document"] for name, policy in policies.items()}


class Resource:
    """A granted resource: the template's expression, the text shown, and the two patterns."""

    def __init__(self, expression, pieces):
        self.expression = expression
        self.text = "".join(text if kind == "text" else value or "${%s}" % text for kind, text, value, _ in pieces)
        self.exact = re.compile("".join(
            iam_pattern(text) if kind == "text" else re.escape(value) if value is not None else allowed
            for kind, text, value, allowed in pieces) + r"\Z")
        # Each parameter's part is a named group, so that a loose match can tell which value filled it.
        self.loose = re.compile("".join(
            iam_pattern(text) if kind == "text" else f"(?P<p{index}>{allowed})"
            for index, (kind, text, _, allowed) in enumerate(pieces)) + r"\Z")
        self.groups = {f"p{index}": (text, value) for index, (kind, text, value, _) in enumerate(pieces)
                       if kind != "text"}
        self.parameters = [text for kind, text, _, _ in pieces if kind != "text"]
        self.unresolved = [text for kind, text, value, _ in pieces if kind != "text" and value is None]


def iam_pattern(text):
    """An IAM resource string with `*` and `?` as wildcards, as a regular expression."""
    return fnmatch.translate(text).removeprefix("(?s:").removesuffix(r")\Z")


class Resolver:
    """Turns CloudFormation expressions into Resources, with the local stack's values where it has them."""

    def __init__(self, template, local_values):
        self.parameters = template.get("Parameters", {})
        self.resources = template["Resources"]
        self.local_values = local_values

    def resource(self, expression):
        return Resource(expression, self.pieces(expression))

    def pieces(self, node):
        if isinstance(node, str):
            return [("text", node, None, None)]
        if isinstance(node, dict) and "Ref" in node:
            return self.ref(node["Ref"])
        if isinstance(node, dict) and "Fn::GetAtt" in node:
            target = node["Fn::GetAtt"]
            return self.get_att(*(target.split(".", 1) if isinstance(target, str) else target))
        if isinstance(node, dict) and "Fn::Sub" in node:
            text, variables = (node["Fn::Sub"], {}) if isinstance(node["Fn::Sub"], str) else node["Fn::Sub"]
            pieces = []
            for index, part in enumerate(re.split(r"\$\{([^}]+)\}", text)):
                if index % 2 == 0:
                    pieces.append(("text", part, None, None))
                elif part in variables:
                    pieces += self.pieces(variables[part])
                else:
                    pieces += self.get_att(*part.split(".", 1)) if "." in part else self.ref(part)
            return pieces
        if isinstance(node, dict) and "Fn::Join" in node:
            separator, items = node["Fn::Join"]
            pieces = []
            for index, item in enumerate(items):
                pieces += ([("text", separator, None, None)] if index else []) + self.pieces(item)
            return pieces
        return [("unknown", json.dumps(node), None, ".+")]

    def ref(self, name):
        if name in PSEUDO:
            return [("text", PSEUDO[name], None, None)]
        if name in self.parameters:
            declared = self.parameters[name]
            if "AllowedPattern" in declared:
                allowed = "(?:" + declared["AllowedPattern"].removeprefix("^").removesuffix("$") + ")"
            elif "AllowedValues" in declared:
                allowed = "(?:" + "|".join(re.escape(str(value)) for value in declared["AllowedValues"]) + ")"
            else:
                allowed = ".+"
            value = self.local_values.get(name, declared.get("Default"))
            return [("parameter", name, value, allowed)]
        return [("resource", name, self.local_values.get(name), ".+")]

    def get_att(self, name, attribute):
        kind = self.resources.get(name, {}).get("Type")
        if attribute == "Arn" and kind == "AWS::DynamoDB::Table":
            return [("text", f"arn:aws:dynamodb:{REGION}:{ACCOUNT}:table/", None, None)] + self.ref(name)
        return [("resource", f"{name}.{attribute}", None, ".+")]


def local_values(original, environment):
    """Template parameters and resources the local stack gives a value, read from env.json: a function
    variable that the template sets to `!Ref X` holds X's value."""
    values = {}
    for name, resource in original["Resources"].items():
        if resource["Type"] != "AWS::Serverless::Function":
            continue
        variables = resource["Properties"].get("Environment", {}).get("Variables", {})
        local = {**environment.get("Parameters", {}), **environment.get(name, {})}
        for variable, value in variables.items():
            if isinstance(value, dict) and "Ref" in value and variable in local:
                values.setdefault(value["Ref"], local[variable])
    return values


class Grant:
    """One allowed action on the resources of one statement, and where it came from."""

    def __init__(self, action, resources, source, condition=None):
        self.action = action
        self.resources = resources
        self.source = source
        self.condition = condition

    def matches_action(self, action):
        return fnmatch.fnmatchcase(action.lower(), self.action.lower())


class Function:
    """A function of the template: its grants and what the Lambda service does with its role."""

    def __init__(self, name, properties, grants, event_sources, destinations):
        self.name = name
        self.properties = properties
        self.grants = grants
        self.event_sources = event_sources  # [(logical id, EventSourceArn expression)]
        self.destinations = destinations  # [(what, destination ARN expression)]


def functions(template_path, environment, repo):
    """{name: Function} for every AWS::Serverless::Function in the template."""
    original, translated = translate(template_path)
    resolver = Resolver(original, local_values(original, environment))
    resources = translated["Resources"]
    documents = managed_policy_documents(repo)
    names = [name for name, resource in original["Resources"].items() if resource["Type"] == "AWS::Serverless::Function"]
    result = {}
    for name in names:
        properties = resources[name]["Properties"]
        role_name = role_of(properties)
        grants = []
        if role_name is None or role_name not in resources:
            grants.append(Grant("(role not in the template)", [], json.dumps(properties.get("Role"))))
        else:
            grants += role_grants(role_name, resources, documents, resolver)
        result[name] = Function(name, properties, grants, event_sources(name, resources),
                                destinations(name, properties, resources))
    return result


def role_of(properties):
    role = properties.get("Role")
    if isinstance(role, dict) and "Fn::GetAtt" in role:
        target = role["Fn::GetAtt"]
        return (target.split(".")[0] if isinstance(target, str) else target[0])
    return None


def role_grants(role_name, resources, documents, resolver):
    role = resources[role_name]["Properties"]
    policies = [(policy.get("PolicyName", "inline"), policy["PolicyDocument"]) for policy in role.get("Policies", [])]
    for name, resource in resources.items():
        attached = resource.get("Properties", {}).get("Roles", [])
        if resource["Type"] == "AWS::IAM::Policy" and {"Ref": role_name} in attached:
            policies.append((name, resource["Properties"]["PolicyDocument"]))
    for arn in role.get("ManagedPolicyArns", []):
        if isinstance(arn, dict) and "Ref" in arn and resources.get(arn["Ref"], {}).get("Type") == "AWS::IAM::ManagedPolicy":
            policies.append((arn["Ref"], resources[arn["Ref"]]["Properties"]["PolicyDocument"]))
        elif isinstance(arn, str) and arn.startswith(MANAGED_PREFIX) and arn.rsplit("/", 1)[-1] in documents:
            name = arn.rsplit("/", 1)[-1]
            policies.append((f"managed {name}", documents[name]))
        else:
            return [Grant("(managed policy the check cannot read)", [], json.dumps(arn))]
    grants = []
    for source, document in policies:
        statements = document["Statement"]
        for statement, condition in allowed_statements(statements if isinstance(statements, list) else [statements]):
            actions = statement.get("Action", [])
            targets = statement.get("Resource", [])
            if "NotAction" in statement or "NotResource" in statement:
                grants.append(Grant("(NotAction/NotResource statement)", [], source))
                continue
            for action in actions if isinstance(actions, list) else [actions]:
                grants.append(Grant(action, [resolver.resource(target)
                                             for target in (targets if isinstance(targets, list) else [targets])],
                                    source, condition))
    return grants


def allowed_statements(statements, condition=None):
    """(statement, condition name or None) for every Allow statement, both branches of an Fn::If included."""
    for statement in statements:
        if isinstance(statement, dict) and "Fn::If" in statement:
            name, *branches = statement["Fn::If"]
            for branch in branches:
                if branch != {"Ref": "AWS::NoValue"}:
                    yield from allowed_statements([branch], name)
        elif statement.get("Effect") == "Allow":
            yield statement, condition


def event_sources(function, resources):
    return [(name, resource["Properties"].get("EventSourceArn")) for name, resource in resources.items()
            if resource["Type"] == "AWS::Lambda::EventSourceMapping"
            and resource["Properties"].get("FunctionName") == {"Ref": function}]


def destinations(function, properties, resources):
    found = []
    if "DeadLetterConfig" in properties:
        found.append(("the dead-letter queue (DeadLetterConfig)", properties["DeadLetterConfig"].get("TargetArn")))
    for name, resource in resources.items():
        settings = resource.get("Properties", {})
        owner = settings.get("FunctionName")
        if resource["Type"] not in ("AWS::Lambda::EventInvokeConfig", "AWS::Lambda::EventSourceMapping"):
            continue
        if owner != {"Ref": function} and owner != function:
            continue
        for outcome, target in settings.get("DestinationConfig", {}).items():
            what = {"OnFailure": "on-failure", "OnSuccess": "on-success"}.get(outcome, outcome)
            found.append((f"the {what} destination of {name}", target.get("Destination")))
    return found
