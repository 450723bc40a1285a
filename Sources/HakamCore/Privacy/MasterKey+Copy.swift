extension MasterKey {
    /// Writes this key to a new file at `path` (mode 0600, atomic, never over an existing file):
    /// a backup's copy, or the new key of a rotation. Returns false when `path` exists already.
    public func writeNew(to path: String) throws(MasterKeyError) -> Bool {
        try KeyFileWriter.create(at: path, contents: fileContents)
    }
}
