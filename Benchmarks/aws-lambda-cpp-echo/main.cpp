// The baseline scripts/bench-runtime measures our loop against: aws-lambda-cpp (AWS's C++ runtime on
// libcurl) running the same bytes echo as Functions/Echo. Built by scripts/build-aws-lambda-cpp; never
// shipped.
#include <aws/lambda-runtime/runtime.h>

using namespace aws::lambda_runtime;

int main()
{
    run_handler([](invocation_request const& request) {
        return invocation_response::success(request.payload, "application/json");
    });
    return 0;
}
