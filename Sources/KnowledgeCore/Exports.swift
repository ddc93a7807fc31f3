// The knowledge base's rules build on the shared pure kernel; re-exported so callers need one import.
@_exported import Kernel
