#!/usr/bin/env python3
"""The lab's k3s installer server: serves one directory (fake-k3s/) over HTTPS on the lab bridge, like
https://get.k3s.io (the program refuses a plain-HTTP installer URL). Its certificate is made once by lib.sh with a
lab CA that every box trusts (/usr/local/share/ca-certificates/hdlab-installer.crt).

usage: installer_server.py <address> <port> <directory> <cert> <key>
"""
import functools
import http.server
import ssl
import sys

address, port, directory, cert, key = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=directory)
server = http.server.ThreadingHTTPServer((address, port), handler)
context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
context.load_cert_chain(cert, key)
server.socket = context.wrap_socket(server.socket, server_side=True)
server.serve_forever()
