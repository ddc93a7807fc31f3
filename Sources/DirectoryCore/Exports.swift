// The directory's rules build on the kernel and search as the knowledge base does; re-exported
// so callers need one import.
@_exported import Kernel
@_exported import KnowledgeCore
