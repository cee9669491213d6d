"""Creates and seeds, in moto, everything the functions expect (names from the functions brief).

Run by scripts/local-stack:
    local-stack-resources.py aws ENDPOINT SEED_DIR PETSITE_URL     tables + seeds, bucket, queues, bus,
                                                                   pet-site parameter, user pool
    local-stack-resources.py secret ENDPOINT POSTGRES_CONNECTION_JSON   the RDS secret and its parameter,
                                                                        the CA bundle parameter
Each prints what it created as one JSON object. Safe to run again on the same server.

Speaks the AWS wire protocols with the standard library only: importing boto3 and building its clients
costs seconds, this costs milliseconds. moto routes a request by the service in the Authorization
header's credential scope and does not check signatures (the stack never turns its IAM mode on), so
the header names the service and carries no real signature. Services run in parallel, so moto loads
its service modules side by side.
"""
import json
import sys
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

REGION = "us-east-1"
PETS_TABLE = "PetAdoptionsPets"
FOODS_TABLE = "PetFoods"
IDEMPOTENCY_TABLE = "PetfoodStockIdempotency"
BUCKET = "petfood-images"
QUEUE = "petstore-user-creator"
DEAD_LETTER_QUEUE = "petstore-user-creator-dlq"
EVENT_BUS = "petfood-events"
SECRET = "petstore/rds"
SECRET_ARN_PARAMETER = "/petstore/rds-secret-arn"
CA_BUNDLE_PARAMETER = "/petstore/database-ca-bundle"
PETSITE_URL_PARAMETER = "/petstore/petsite-url"
USER_POOL = "petstore-users"


class AWSError(Exception):
    def __init__(self, status, body):
        super().__init__(f"HTTP {status}: {body}")
        self.body = body


class Moto:
    def __init__(self, endpoint):
        self.endpoint = endpoint

    def send(self, service, method, path, body=b"", headers=None):
        headers = dict(headers or {})
        headers["Authorization"] = (f"AWS4-HMAC-SHA256 Credential=testing/20260101/{REGION}/{service}/aws4_request, "
                                    "SignedHeaders=host, Signature=local")
        request = urllib.request.Request(self.endpoint + path, data=body, method=method, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.read()
        except urllib.error.HTTPError as error:
            raise AWSError(error.code, error.read().decode(errors="replace")) from None

    def call(self, service, target, payload, json_version="1.1"):
        """One call of a JSON-protocol service (X-Amz-Target)."""
        body = self.send(service, "POST", "/", json.dumps(payload).encode(), {
            "X-Amz-Target": target, "Content-Type": f"application/x-amz-json-{json_version}"})
        return json.loads(body or b"{}")


def dynamodb(moto, seed_dir):
    def call(operation, payload):
        return moto.call("dynamodb", f"DynamoDB_20120810.{operation}", payload, json_version="1.0")

    existing = set(call("ListTables", {})["TableNames"])

    def table(name, keys):
        if name in existing:
            return False
        call("CreateTable", {
            "TableName": name, "BillingMode": "PAY_PER_REQUEST",
            "AttributeDefinitions": [{"AttributeName": key, "AttributeType": "S"} for key, _ in keys],
            "KeySchema": [{"AttributeName": key, "KeyType": kind} for key, kind in keys]})
        return True

    def seed(name, items):
        for start in range(0, len(items), 25):
            call("BatchWriteItem", {"RequestItems": {name: [
                {"PutRequest": {"Item": {key: attribute(value) for key, value in item.items()}}}
                for item in items[start:start + 25]]}})
        return len(items)

    table(PETS_TABLE, [("pettype", "HASH"), ("petid", "RANGE")])
    table(FOODS_TABLE, [("id", "HASH")])
    if table(IDEMPOTENCY_TABLE, [("id", "HASH")]):
        call("UpdateTimeToLive", {"TableName": IDEMPOTENCY_TABLE,
                                  "TimeToLiveSpecification": {"Enabled": True, "AttributeName": "expiration"}})
    with open(f"{seed_dir}/pets.json") as pets, open(f"{seed_dir}/petfoods.json") as foods:
        return {"pets": seed(PETS_TABLE, json.load(pets)), "foods": seed(FOODS_TABLE, json.load(foods))}


def attribute(value):
    """A JSON value as a DynamoDB attribute value."""
    if isinstance(value, bool):
        return {"BOOL": value}
    if isinstance(value, (int, float)):
        return {"N": str(value)}
    if isinstance(value, str):
        return {"S": value}
    if isinstance(value, list):
        return {"L": [attribute(item) for item in value]}
    if isinstance(value, dict):
        return {"M": {key: attribute(item) for key, item in value.items()}}
    return {"NULL": True}


def bucket(moto):
    moto.send("s3", "PUT", f"/{BUCKET}")  # answers 200 again for an existing bucket in us-east-1
    return {"bucket": BUCKET}


def queues(moto):
    def call(operation, payload):
        return moto.call("sqs", f"AmazonSQS.{operation}", payload, json_version="1.0")

    dead_letters = call("CreateQueue", {"QueueName": DEAD_LETTER_QUEUE})["QueueUrl"]
    dead_letters_arn = call("GetQueueAttributes", {"QueueUrl": dead_letters, "AttributeNames": ["QueueArn"]})
    queue = call("CreateQueue", {"QueueName": QUEUE, "Attributes": {
        "VisibilityTimeout": "60",
        "RedrivePolicy": json.dumps({"deadLetterTargetArn": dead_letters_arn["Attributes"]["QueueArn"],
                                     "maxReceiveCount": "3"})}})["QueueUrl"]
    return {"userQueueUrl": queue, "userDeadLetterQueueUrl": dead_letters}


def event_bus(moto):
    buses = moto.call("events", "AWSEvents.ListEventBuses", {})["EventBuses"]
    if EVENT_BUS not in [bus["Name"] for bus in buses]:
        moto.call("events", "AWSEvents.CreateEventBus", {"Name": EVENT_BUS})
    return {"eventBusName": EVENT_BUS}


def user_pool(moto):
    def call(operation, payload):
        return moto.call("cognito-idp", f"AWSCognitoIdentityProviderService.{operation}", payload)

    pools = [pool["Id"] for pool in call("ListUserPools", {"MaxResults": 60})["UserPools"] if pool["Name"] == USER_POOL]
    return {"userPoolId": pools[0] if pools else call("CreateUserPool", {"PoolName": USER_POOL})["UserPool"]["Id"]}


def parameter(moto, name, value):
    moto.call("ssm", "AmazonSSM.PutParameter", {"Name": name, "Value": value, "Type": "String", "Overwrite": True})


def secret(moto, connection_file):
    with open(connection_file) as file:
        connection = json.load(file)
    value = json.dumps({key: connection[key] for key in ("host", "port", "dbname", "username", "password")})
    try:
        arn = moto.call("secretsmanager", "secretsmanager.CreateSecret", {"Name": SECRET, "SecretString": value})["ARN"]
    except AWSError as error:
        if "ResourceExistsException" not in error.body:
            raise
        arn = moto.call("secretsmanager", "secretsmanager.PutSecretValue", {"SecretId": SECRET, "SecretString": value})["ARN"]
    parameter(moto, SECRET_ARN_PARAMETER, arn)
    # The PEM of the CA that signed the server's certificate, as a deployer stores RDS's CA bundle.
    with open(connection["sslrootcert"]) as file:
        parameter(moto, CA_BUNDLE_PARAMETER, file.read())
    return {"secretArn": arn, "caBundleParameterName": CA_BUNDLE_PARAMETER}


def main():
    command, endpoint = sys.argv[1:3]
    moto = Moto(endpoint)
    if command == "secret":
        json.dump(secret(moto, sys.argv[3]), sys.stdout)
        return
    seed_dir, petsite_url = sys.argv[3:5]
    steps = [lambda: dynamodb(moto, seed_dir), lambda: bucket(moto), lambda: queues(moto),
             lambda: event_bus(moto), lambda: user_pool(moto),
             lambda: parameter(moto, PETSITE_URL_PARAMETER, petsite_url) or {"petsiteUrl": petsite_url}]
    created = {}
    with ThreadPoolExecutor(max_workers=len(steps)) as pool:
        for result in pool.map(lambda step: step(), steps):
            created.update(result)
    json.dump(created, sys.stdout)


if __name__ == "__main__":
    main()
