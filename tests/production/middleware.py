"""Names the worker process in each response (``X-Worker``), for the production suite."""

import os


def worker_pid(get_response):
    def middleware(request):
        response = get_response(request)
        response["X-Worker"] = str(os.getpid())
        return response

    return middleware
