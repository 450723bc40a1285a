import HakamCLI

@main
struct Hakam {
    static func main() async {
        await HakamCommand.main()
    }
}
