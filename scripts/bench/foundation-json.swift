// scripts/bench-package builds this as a static executable three ways, to show what Foundation's ICU
// costs: FoundationEssentials; `import Foundation` (-D FULL_FOUNDATION) using only what Essentials also
// has; and Foundation plus one Foundation-only call (-D FULL_FOUNDATION -D FORMAT), which links ICU.
#if FULL_FOUNDATION
import Foundation
#else
import FoundationEssentials
#endif

struct Pet: Codable {
    var name: String
    var kind: String
    var born: Date
}

let event = Data(#"{"name":"Rex","kind":"dog","born":0}"#.utf8)
let pet = try JSONDecoder().decode(Pet.self, from: event)
let out = try JSONEncoder().encode(pet)
print(String(decoding: out, as: UTF8.self))
#if FORMAT
print(String(format: "%.2f kg", 3.5))
#endif
