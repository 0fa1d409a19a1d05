"""An RTSP server on loopback for the tests: GStreamer's RTSP server (python3-gi, gir1.2-gst-rtsp-server-1.0)
serving a video file as H.264 on rtsp://127.0.0.1:PORT/stream, optionally behind Basic authentication.

Usage: rtsp_test_server.py PORT VIDEO [USER:PASSWORD]
Prints the stream's URL (without credentials) once it listens, then serves until killed."""
import sys

import gi

gi.require_version("Gst", "1.0")
gi.require_version("GstRtspServer", "1.0")
from gi.repository import GLib, Gst, GstRtspServer  # noqa: E402

Gst.init(None)
port, video = sys.argv[1], sys.argv[2]
credentials = sys.argv[3] if len(sys.argv) > 3 else None

server = GstRtspServer.RTSPServer()
server.set_address("127.0.0.1")
server.set_service(port)
factory = GstRtspServer.RTSPMediaFactory()
factory.set_launch(
    f'( filesrc location="{video}" ! decodebin ! videoconvert ! '
    "x264enc tune=zerolatency speed-preset=ultrafast key-int-max=10 ! rtph264pay name=pay0 pt=96 )")
factory.set_shared(True)
if credentials:
    user, password = credentials.split(":", 1)
    auth = GstRtspServer.RTSPAuth()
    token = GstRtspServer.RTSPToken()
    token.set_string("media.factory.role", user)
    auth.add_basic(GstRtspServer.RTSPAuth.make_basic(user, password), token)
    server.set_auth(auth)
    permissions = GstRtspServer.RTSPPermissions()
    permissions.add_permission_for_role(user, "media.factory.access", True)
    permissions.add_permission_for_role(user, "media.factory.construct", True)
    factory.set_permissions(permissions)
server.get_mount_points().add_factory("/stream", factory)
if server.attach(None) == 0:
    sys.exit(f"cannot listen on 127.0.0.1:{port}")
print(f"rtsp://127.0.0.1:{server.get_bound_port()}/stream", flush=True)
GLib.MainLoop().run()
