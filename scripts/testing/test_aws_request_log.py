"""Tests of what aws_request_log.py says IAM authorises per request (python3 -m unittest, no moto needed).

  python3 scripts/testing/test_aws_request_log.py
"""
import io
import json
import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from aws_request_log import RequestLog, iam_actions  # noqa: E402

TABLE = "arn:aws:dynamodb:us-east-1:123456789012:table/"


def json_call(service, target, payload):
    return iam_actions(service, "us-east-1", "POST", "/", {}, {"X-Amz-Target": target}, json.dumps(payload).encode(), 200)


class IAMActionTests(unittest.TestCase):
    def test_a_transaction_is_authorised_per_item(self):
        items = [{"Put": {"TableName": "Records"}}, {"Update": {"TableName": "Foods"}},
                 {"ConditionCheck": {"TableName": "Records"}}, {"Delete": {"TableName": "Foods"}}]
        self.assertEqual(json_call("dynamodb", "DynamoDB_20120810.TransactWriteItems", {"TransactItems": items}), [
            ("dynamodb:PutItem", TABLE + "Records"), ("dynamodb:UpdateItem", TABLE + "Foods"),
            ("dynamodb:ConditionCheckItem", TABLE + "Records"), ("dynamodb:DeleteItem", TABLE + "Foods")])

    def test_a_single_item_call_names_its_table_or_index(self):
        self.assertEqual(json_call("dynamodb", "DynamoDB_20120810.GetItem", {"TableName": "Foods"}),
                         [("dynamodb:GetItem", TABLE + "Foods")])
        self.assertEqual(json_call("dynamodb", "DynamoDB_20120810.Query", {"TableName": "Foods", "IndexName": "byName"}),
                         [("dynamodb:Query", TABLE + "Foods/index/byName")])

    def test_s3_object_reads_and_a_missing_key_needs_list_bucket(self):
        def s3(method, path, status=200, query=None):
            return iam_actions("s3", "us-east-1", method, path, query or {}, {}, b"", status)

        self.assertEqual(s3("HEAD", "/pics/images/a.jpg"), [("s3:GetObject", "arn:aws:s3:::pics/images/a.jpg")])
        self.assertEqual(s3("GET", "/pics/images/a.jpg", 404), [
            ("s3:GetObject", "arn:aws:s3:::pics/images/a.jpg"), ("s3:ListBucket", "arn:aws:s3:::pics")])
        self.assertEqual(s3("PUT", "/pics/a%20b.jpg"), [("s3:PutObject", "arn:aws:s3:::pics/a b.jpg")])
        self.assertEqual(s3("DELETE", "/pics/a.jpg", 204), [("s3:DeleteObject", "arn:aws:s3:::pics/a.jpg")])
        self.assertEqual(s3("GET", "/pics", query={"list-type": ["2"]}), [("s3:ListBucket", "arn:aws:s3:::pics")])
        self.assertEqual(s3("PUT", "/pics/a.jpg", query={"tagging": [""]}),
                         [("s3:PUT ?tagging", "arn:aws:s3:::pics/a.jpg")])  # unknown: fails the check, not hidden

    def test_json_protocol_resources(self):
        self.assertEqual(json_call("ssm", "AmazonSSM.GetParameter", {"Name": "/petstore/url"}),
                         [("ssm:GetParameter", "arn:aws:ssm:us-east-1:123456789012:parameter/petstore/url")])
        arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf"
        self.assertEqual(json_call("secretsmanager", "secretsmanager.GetSecretValue", {"SecretId": arn}),
                         [("secretsmanager:GetSecretValue", arn)])
        self.assertEqual(json_call("sqs", "AmazonSQS.SendMessage", {"QueueUrl": "http://127.0.0.1:5000/123456789012/q"}),
                         [("sqs:SendMessage", "arn:aws:sqs:us-east-1:123456789012:q")])
        self.assertEqual(json_call("cognito-idp", "AWSCognitoIdentityProviderService.AdminCreateUser",
                                   {"UserPoolId": "us-east-1_x"}),
                         [("cognito-idp:AdminCreateUser", "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_x")])

    def test_query_protocol_takes_the_action_from_the_form(self):
        self.assertEqual(iam_actions("sqs", "us-east-1", "POST", "/", {},
                                     {"Content-Type": "application/x-www-form-urlencoded"}, b"Action=ListQueues", 200),
                         [("sqs:ListQueues", "*")])


class RequestLogTests(unittest.TestCase):
    def serve(self, environ):
        seen = {}

        def app(environ, start_response):
            seen["body"] = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
            start_response("200 OK", [])
            return [b"{}"]

        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "log.jsonl")
            log = RequestLog(app, path)
            log(environ, lambda status, headers, exc_info=None: None)
            log.file.close()
            with open(path) as written:
                return seen["body"], [json.loads(line) for line in written]

    def test_a_signed_request_is_logged_and_moto_reads_the_same_body(self):
        body = json.dumps({"TableName": "Foods"}).encode()
        received, lines = self.serve({
            "REQUEST_METHOD": "POST", "PATH_INFO": "/", "CONTENT_LENGTH": str(len(body)), "wsgi.input": io.BytesIO(body),
            "HTTP_X_AMZ_TARGET": "DynamoDB_20120810.GetItem",
            "HTTP_AUTHORIZATION": "AWS4-HMAC-SHA256 Credential=AKIAFUNCTION/20260101/us-east-1/dynamodb/aws4_request, "
                                  "SignedHeaders=host, Signature=x"})
        self.assertEqual(received, body)
        self.assertEqual(lines, [{"accessKeyId": "AKIAFUNCTION", "service": "dynamodb", "status": 200,
                                  "actions": [{"action": "dynamodb:GetItem", "resource": TABLE + "Foods"}]}])

    def test_an_unsigned_request_is_no_aws_call(self):
        _, lines = self.serve({"REQUEST_METHOD": "GET", "PATH_INFO": "/moto-api/", "wsgi.input": io.BytesIO(b"")})
        self.assertEqual(lines, [])


if __name__ == "__main__":
    unittest.main()
