"""FAKE k3s, lab boxes only: the box's API endpoint. While the fake k3s server runs, this forwards every TCP
connection to <listen address>:<port> (0.0.0.0:6443 in the box: 127.0.0.1 and the box IP) to the lab's real API
server, byte for byte (TLS is end to end, the API server's certificate names every box address). When k3s stops,
this process ends with it, so a stopped k3s serves nothing on 6443.

Runs on the kit's python (/opt/hdlab/bin/python), started by the fake k3s binary.
usage: k3s-forward.py <listen address> <port> <target address> <target port>
"""
import socket
import sys
import threading


def pump(src, dst):
    try:
        while True:
            data = src.recv(65536)
            if not data:
                break
            dst.sendall(data)
    except OSError:
        pass
    finally:
        for s, how in ((dst, socket.SHUT_WR), (src, socket.SHUT_RD)):
            try:
                s.shutdown(how)
            except OSError:
                pass


def serve(client, target):
    try:
        upstream = socket.create_connection(target, timeout=10)
    except OSError:
        client.close()
        return
    upstream.settimeout(None)
    t = threading.Thread(target=pump, args=(upstream, client), daemon=True)
    t.start()
    pump(client, upstream)
    t.join()
    client.close()
    upstream.close()


def main():
    listen, port, target_host, target_port = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
    srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind((listen, port))
    srv.listen(128)
    print("forwarding %s:%d -> %s:%d" % (listen, port, target_host, target_port), flush=True)
    while True:
        client, _ = srv.accept()
        threading.Thread(target=serve, args=(client, (target_host, target_port)), daemon=True).start()


if __name__ == "__main__":
    main()
