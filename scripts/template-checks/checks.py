"""Static checks of template.yaml as AWS's SAM translator expands it: `checks.py NAME` runs one check,
prints what is wrong and exits 1 if anything is. scripts/validate-template runs each as a step."""
import json
import re
import sys
from pathlib import Path


here = Path(__file__).parent
repo = here.parent.parent
sys.path.insert(0, str(repo / "scripts" / "testing"))
from sam_translation import translate  # noqa: E402  (after the path it lives on)


resources = translate(repo / "template.yaml")[1]["Resources"]


def of_type(kind):
    return {name: r for name, r in resources.items() if r["Type"] == kind}


def ref_name(value):
    """The logical id a Ref or Fn::GetAtt names, else None."""
    if isinstance(value, dict):
        if "Ref" in value:
            return value["Ref"]
        if "Fn::GetAtt" in value:
            return value["Fn::GetAtt"][0]
    return None


def as_list(value):
    return value if isinstance(value, list) else [value]


def statements(node):
    """Policy statements, including those inside Fn::If branches."""
    if isinstance(node, dict) and "Fn::If" in node:
        for branch in node["Fn::If"][1:]:
            yield from statements(branch)
    elif isinstance(node, dict) and "Effect" in node:
        yield node


def functions_triggered_by(kind_of_target):
    """Functions that an EventBridge rule targets, by kind: 'schedule' or 'pattern'."""
    found = set()
    for rule in of_type("AWS::Events::Rule").values():
        kind = "schedule" if "ScheduleExpression" in rule["Properties"] else "pattern"
        if kind == kind_of_target:
            found.update(ref_name(t["Arn"]) for t in rule["Properties"].get("Targets", []))
    return found


def invoke_configs():
    return {ref_name(c["Properties"]["FunctionName"]): c["Properties"]
            for c in of_type("AWS::Lambda::EventInvokeConfig").values()}


def check_policies():
    managed = json.loads((here / "aws-managed-policies.json").read_text())
    exceptions = json.loads((here / "wildcard-exceptions.json").read_text())
    problems = []
    for name, role in of_type("AWS::IAM::Role").items():
        documents = [(f"inline {p['PolicyName']}", None, p["PolicyDocument"]["Statement"])
                     for p in role["Properties"].get("Policies", [])]
        for arn in role["Properties"].get("ManagedPolicyArns", []):
            policy = str(arn).rsplit("/", 1)[-1]
            if policy not in managed:
                problems.append(f"{name}: managed policy {arn} has no document in aws-managed-policies.json")
                continue
            documents.append((f"managed {policy}", policy, managed[policy]))
        for where, policy, document in documents:
            for statement in document:
                for s in statements(statement):
                    actions = as_list(s["Action"])
                    wild_actions = [a for a in actions if "*" in a]
                    if wild_actions:
                        problems.append(f"{name} ({where}): wildcard actions {wild_actions}")
                    if "*" in as_list(s.get("Resource")):
                        accepted = set(exceptions.get(policy, {}).get("actions", [])) if policy else set()
                        wide = [a for a in actions if a not in accepted]
                        if wide:
                            problems.append(f"{name} ({where}): Resource '*' for {wide}")
    return problems


def check_async_failures():
    """EventBridge invokes asynchronously: a handler error must end in a queue, and a schedule not retry."""
    configs = invoke_configs()
    problems = []
    for function in sorted(functions_triggered_by("pattern")):
        config = configs.get(function)
        destination = ((config or {}).get("DestinationConfig") or {}).get("OnFailure", {}).get("Destination")
        queue = resources.get(ref_name(destination) or "", {})
        if queue.get("Type") != "AWS::SQS::Queue":
            problems.append(f"{function}: EventBridge-triggered, but no EventInvokeConfig OnFailure SQS queue")
        elif "MaximumRetryAttempts" not in config or "MaximumEventAgeInSeconds" not in config:
            problems.append(f"{function}: EventInvokeConfig without MaximumRetryAttempts/MaximumEventAgeInSeconds")
    for function in sorted(functions_triggered_by("schedule")):
        if (configs.get(function) or {}).get("MaximumRetryAttempts") != 0:
            problems.append(f"{function}: scheduled, but Lambda retries a failed run (MaximumRetryAttempts != 0)")
    return problems


def check_schedule_overlap():
    """A scheduled run must end before the next starts (a failed one is not retried: async-failures)."""
    problems = []
    for rule in of_type("AWS::Events::Rule").values():
        expression = rule["Properties"].get("ScheduleExpression", "")
        match = re.fullmatch(r"rate\((\d+) minutes?\)", expression)
        if not match:
            continue
        period = int(match.group(1)) * 60
        for target in rule["Properties"]["Targets"]:
            function = ref_name(target["Arn"])
            properties = resources[function]["Properties"]
            if not properties.get("Timeout", 3) < period:
                problems.append(f"{function}: timeout {properties.get('Timeout')} s is not below its {period} s period")
    return problems


def check_custom_resource():
    problems = []
    for name, resource in of_type("AWS::CloudFormation::CustomResource").items():
        properties = resource["Properties"]
        timeout = properties.get("ServiceTimeout")
        function = resources.get(ref_name(properties["ServiceToken"]) or "", {})
        function_timeout = function.get("Properties", {}).get("Timeout", 3)
        if timeout is None:
            problems.append(f"{name}: no ServiceTimeout (CloudFormation would wait an hour for a lost answer)")
        elif not function_timeout < int(timeout) <= 3600:
            problems.append(f"{name}: ServiceTimeout {timeout} is not above the function's {function_timeout} s")
        if not properties.get("SchemaRevision"):
            problems.append(f"{name}: no SchemaRevision (a new migration would never send an Update)")
    return problems


def check_sqs_concurrency():
    problems = []
    for name, mapping in of_type("AWS::Lambda::EventSourceMapping").items():
        source = resources.get(ref_name(mapping["Properties"]["EventSourceArn"]) or "", {})
        if source.get("Type") == "AWS::SQS::Queue" and \
                not mapping["Properties"].get("ScalingConfig", {}).get("MaximumConcurrency"):
            problems.append(f"{name}: SQS mapping without ScalingConfig.MaximumConcurrency")
    return problems


def check_log_groups():
    problems = []
    for name, function in of_type("AWS::Lambda::Function").items():
        group_name = ref_name(function["Properties"].get("LoggingConfig", {}).get("LogGroup"))
        group = resources.get(group_name or "", {})
        if group.get("Type") != "AWS::Logs::LogGroup":
            problems.append(f"{name}: LoggingConfig.LogGroup is not a log group of this stack")
            continue
        if "RetentionInDays" not in group["Properties"]:
            problems.append(f"{name}: its log group {group_name} keeps logs forever (no RetentionInDays)")
        if group.get("DeletionPolicy", "Delete") != "Delete":
            problems.append(f"{name}: its log group {group_name} outlives the stack")
    return problems


def check_api():
    problems = []
    for permission in of_type("AWS::Lambda::Permission").values():
        if permission["Properties"].get("Principal") == "apigateway.amazonaws.com":
            function = ref_name(permission["Properties"]["FunctionName"])
            timeout = resources[function]["Properties"].get("Timeout", 3)
            if not timeout < 29:
                problems.append(f"{function}: timeout {timeout} s, not below API Gateway's 29 s")
    for name, stage in of_type("AWS::ApiGateway::Stage").items():
        settings = stage["Properties"].get("MethodSettings", [])
        if not any("ThrottlingRateLimit" in s and "ThrottlingBurstLimit" in s for s in settings):
            problems.append(f"{name}: no stage throttling")
    return problems


def check_image_prefix():
    """S3 object actions reach only the keys ImageGenerator writes and Cleanup deletes."""
    problems = []
    for name, role in of_type("AWS::IAM::Role").items():
        for policy in role["Properties"].get("Policies", []):
            for statement in policy["PolicyDocument"]["Statement"]:
                for s in statements(statement):
                    object_actions = [a for a in as_list(s["Action"]) if re.fullmatch(r"s3:\w*Object\w*", a)]
                    for resource in as_list(s.get("Resource")) if object_actions else []:
                        arn = resource.get("Fn::Sub", "") if isinstance(resource, dict) else resource
                        if not str(arn).endswith("/images/petfood/*"):
                            problems.append(f"{name}: {object_actions} on {json.dumps(resource)}, not images/petfood/*")
    return problems


def check_database_tls():
    """Functions that reach PostgreSQL get the TLS mode and the CA bundle's parameter, and may read it."""
    problems = []
    for name, function in of_type("AWS::Lambda::Function").items():
        variables = function["Properties"].get("Environment", {}).get("Variables", {})
        if "SECRET_PARAMETER_NAME" not in variables:
            continue
        if variables.get("PGSSLMODE") != {"Ref": "DatabaseSSLMode"}:
            problems.append(f"{name}: PGSSLMODE is not the DatabaseSSLMode parameter")
        if variables.get("DATABASE_CA_BUNDLE_PARAMETER_NAME") != {"Ref": "DatabaseCABundleParameterName"}:
            problems.append(f"{name}: DATABASE_CA_BUNDLE_PARAMETER_NAME is not the DatabaseCABundleParameterName parameter")
        role = resources[ref_name(function["Properties"]["Role"])]
        granted = json.dumps([s for p in role["Properties"].get("Policies", [])
                              for st in p["PolicyDocument"]["Statement"] for s in statements(st)
                              if "ssm:GetParameter" in as_list(s["Action"])])
        if "${DatabaseCABundleParameterName}" not in granted:
            problems.append(f"{name}: no ssm:GetParameter on the CA bundle's parameter")
    return problems


checks = {
    "image-prefix": check_image_prefix,
    "database-tls": check_database_tls,
    "policies": check_policies,
    "async-failures": check_async_failures,
    "schedule-overlap": check_schedule_overlap,
    "custom-resource": check_custom_resource,
    "sqs-concurrency": check_sqs_concurrency,
    "log-groups": check_log_groups,
    "api": check_api,
}

if __name__ == "__main__":
    problems = checks[sys.argv[1]]()
    print("\n".join(problems))
    sys.exit(1 if problems else 0)
