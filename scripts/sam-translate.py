#!/usr/bin/env python3
"""Expands a SAM template into plain CloudFormation JSON, offline.

Usage: python3 scripts/sam-translate.py [template.yaml] > expanded.json

Uses the preinstalled aws-sam-translator with a local managed-policy loader, so no AWS call is made.
Local code folders (CodeUri, or Code of an AWS::Lambda::Function: what `sam build` builds) are replaced
by a placeholder S3 location first, as `sam package` would do, because the translator and CloudFormation
accept only S3 locations. The result is what
CloudFormation sees after the AWS::Serverless-2016-10-31 transform; the template tests and the second
cfn-lint run read it (cfn-lint skips some checks, W3037 among them, while the transform is present).
"""
import json
import os
import sys

from samtranslator.translator.transform import transform
from samtranslator.yaml_helper import yaml_parse

PLACEHOLDER_BUCKET = "sam-translate-placeholder"
PLACEHOLDER_KEY = "code.zip"
PLACEHOLDER_CODE_URI = f"s3://{PLACEHOLDER_BUCKET}/{PLACEHOLDER_KEY}"

# The translator only looks names up for managed policies a template names. This template names none,
# but the loader is required: answer from a fixed map instead of calling IAM.
KNOWN_MANAGED_POLICIES = {
    "AWSLambdaBasicExecutionRole": "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
}


class LocalManagedPolicyLoader:
    def load(self):
        return dict(KNOWN_MANAGED_POLICIES)


def with_placeholder_code(template):
    for resource in template.get("Resources", {}).values():
        properties = resource.setdefault("Properties", {})
        if resource.get("Type") == "AWS::Serverless::Function":
            code_uri = properties.get("CodeUri")
            if isinstance(code_uri, str) and not code_uri.startswith("s3://"):
                properties["CodeUri"] = PLACEHOLDER_CODE_URI
        elif resource.get("Type") == "AWS::Lambda::Function" and isinstance(properties.get("Code"), str):
            # A local folder (what `sam build` builds); `sam package` turns it into this S3 location.
            properties["Code"] = {"S3Bucket": PLACEHOLDER_BUCKET, "S3Key": PLACEHOLDER_KEY}
    return template


def main(argv):
    path = argv[1] if len(argv) > 1 else "template.yaml"
    # The translator resolves partitions from the region; any commercial region gives `aws`.
    os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
    with open(path, encoding="utf-8") as handle:
        template = with_placeholder_code(yaml_parse(handle.read()))
    expanded = transform(template, {}, LocalManagedPolicyLoader())
    json.dump(expanded, sys.stdout, indent=1, sort_keys=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except Exception as error:  # the translator raises several unrelated types; report any in one line
        sys.stderr.write(f"sam-translate: {type(error).__name__}: {error}\n")
        sys.exit(1)
