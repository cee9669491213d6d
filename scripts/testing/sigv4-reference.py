#!/usr/bin/env python3
"""Reference SigV4 results from botocore, for the differential test of our signer.

Reads a JSON list of signed requests on stdin: {"method", "url", "headers": [[name, value], ...] (as signed,
without Authorization), "body_base64", "service", "region", "access_key", "secret_key", "token", "s3": bool}
and writes a JSON list of {"canonical_request", "string_to_sign", "signature"} computed by botocore's
SigV4Auth (S3SigV4Auth when "s3"), at the request's own X-Amz-Date."""
import base64, json, sys

from botocore.auth import S3SigV4Auth, SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

results = []
for case in json.load(sys.stdin):
    request = AWSRequest(method=case["method"], url=case["url"], data=base64.b64decode(case["body_base64"]))
    for name, value in case["headers"]:
        request.headers[name] = value  # HTTPHeaders appends, so repeated names are kept in order
        if name.lower() == "x-amz-date":
            request.context["timestamp"] = value
    auth_class = S3SigV4Auth if case["s3"] else SigV4Auth
    auth = auth_class(Credentials(case["access_key"], case["secret_key"], case.get("token")),
                      case["service"], case["region"])
    canonical = auth.canonical_request(request)
    string_to_sign = auth.string_to_sign(request, canonical)
    results.append({"canonical_request": canonical, "string_to_sign": string_to_sign,
                    "signature": auth.signature(string_to_sign, request)})
json.dump(results, sys.stdout)
