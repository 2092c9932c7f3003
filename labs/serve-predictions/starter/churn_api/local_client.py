"""Calls the app in the same process, with its lifespan running. Given: no need to change it.

There is no network in the browser page this lab runs in (and no threads, which FastAPI's
TestClient needs), so requests go straight to the ASGI app through httpx's ASGITransport.
"""

import asyncio

import httpx
from fastapi import FastAPI


def _event_loop() -> tuple[asyncio.AbstractEventLoop, bool]:
    """The loop to run requests on, and whether it is ours to close.

    In the page (Pyodide) the browser's event loop is always running, `asyncio.run` refuses to
    start another, and `run_until_complete` on the running loop waits for the result. Locally
    (CPython) no loop is running, so the client makes its own.
    """
    try:
        return asyncio.get_running_loop(), False
    except RuntimeError:
        return asyncio.new_event_loop(), True


class LocalClient:
    """`with LocalClient(app) as client:` runs the app's startup, then `client.get(...)` and
    `client.post(...)` return httpx responses; leaving the block runs its shutdown."""

    def __init__(self, app: FastAPI):
        self.app = app

    def __enter__(self) -> "LocalClient":
        self._loop, self._owns_loop = _event_loop()
        # The code before `yield` in the app's lifespan runs here.
        self._lifespan = self.app.router.lifespan_context(self.app)
        self._run(self._lifespan.__aenter__())
        # raise_app_exceptions=False: the client sees the 500 response the app sends,
        # as a real client would, instead of the exception behind it.
        transport = httpx.ASGITransport(app=self.app, raise_app_exceptions=False)
        self._http = httpx.AsyncClient(transport=transport, base_url="http://churn-api.local")
        return self

    def __exit__(self, *exc_info) -> None:
        try:
            self._run(self._http.aclose())
            self._run(self._lifespan.__aexit__(None, None, None))
        finally:
            if self._owns_loop:
                self._loop.run_until_complete(self._loop.shutdown_asyncgens())
                self._loop.close()

    def _run(self, awaitable):
        return self._loop.run_until_complete(awaitable)

    def get(self, path: str, **kwargs) -> httpx.Response:
        """GET `path` from the app."""
        return self._run(self._http.get(path, **kwargs))

    def post(self, path: str, **kwargs) -> httpx.Response:
        """POST to `path`: `json=` for a JSON body, `content=` for raw bytes."""
        return self._run(self._http.post(path, **kwargs))
