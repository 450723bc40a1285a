@testable import HakamCore

/// A small labelled set: English and Arabic advertising against ordinary news comments.
enum ClassifierTraining {
    static let spam = [
        "Check out my channel and subscribe http://bit.ly/xyz",
        "Make money fast from home, visit http://cash-now.example",
        "Free iPhone giveaway! click here http://win.example/free",
        "subscribe to my channel for free gift cards",
        "اربح المال من البيت بسرعة زوروا موقعنا http://cash-now.example",
        "كازينو اونلاين اربح الان اشترك في قناتي",
        "best casino bonus, click my link http://win.example",
        "earn 500 dollars a day working from home, check my profile",
    ]
    static let ham = [
        "Thank you for this careful analysis of the budget.",
        "I disagree with the author about the inflation figures.",
        "شكرا للكاتب على هذا التحليل الممتاز للأزمة",
        "مقال رائع عن الاقتصاد والتضخم في المنطقة",
        "The interview with the minister was very informative.",
        "Will you follow up on the election results next week?",
        "أتفق مع الكاتب في أغلب ما قال عن الانتخابات",
        "Great reporting, the charts made it easy to follow.",
    ]

    static var examples: [LabelledExample] {
        spam.map { LabelledExample(input: ClassifierInput(name: "Reader", body: $0), label: .spam) }
            + ham.map { LabelledExample(input: ClassifierInput(name: "Reader", body: $0), label: .ham) }
    }

    static func counts(_ examples: [LabelledExample] = examples, extractor: FeatureExtractor = FeatureExtractor()) -> ClassifierCounts {
        var counts = ClassifierCounts()
        for example in examples { counts.apply(extractor.features(of: example.input), label: example.label) }
        return counts
    }
}
