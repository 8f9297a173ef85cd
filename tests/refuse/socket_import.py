# socket: a stdlib module outside the subset.
for i in range(3):
    print(i)
import socket
print(socket.gethostname())
