enum HakamCoreNamespace {}
