"""template.yaml as AWS's SAM translator expands it (what `sam deploy` runs server-side), offline: the one
translation that scripts/template-checks/checks.py and scripts/testing/iam_grants.py both read. Run with
.tools/sam's python, which has samtranslator."""
from samtranslator.translator.transform import transform
from samtranslator.yaml_helper import yaml_parse


class NoManagedPolicyLookup:
    """The translator then resolves managed policy names from its bundled map; nothing is asked of IAM."""

    def load(self):
        return {}


def translate(template_path):
    """(the template as written, the template as the SAM translator expands it)."""
    original = yaml_parse(open(template_path).read())
    template = yaml_parse(open(template_path).read())
    for resource in template["Resources"].values():
        if resource["Type"] == "AWS::Serverless::Function":
            resource["Properties"]["CodeUri"] = "s3://bucket/key.zip"  # the translator wants a built CodeUri
    return original, transform(template, {}, NoManagedPolicyLookup())
