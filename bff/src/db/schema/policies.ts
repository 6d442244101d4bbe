// Tables of the policies capability.
export {}
