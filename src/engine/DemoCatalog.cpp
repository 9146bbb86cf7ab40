#include "engine/DemoCatalog.h"

#include "engine/DemoRandom.h"

namespace cw::engine::demo {
namespace {

// Segments differ in spend level, frequency, channel and basket so that a
// clustering of per-customer metrics can find them again.
//                              store  web   phone partner key
constexpr std::array<double, kChannelCount> kKeyChannels = {0.00, 0.05, 0.10, 0.05, 0.80};
constexpr std::array<double, kChannelCount> kMidChannels = {0.10, 0.20, 0.40, 0.30, 0.00};
constexpr std::array<double, kChannelCount> kSmallChannels = {0.30, 0.55, 0.15, 0.00, 0.00};
constexpr std::array<double, kChannelCount> kOccasionalChannels = {0.50, 0.30, 0.05, 0.15, 0.00};

//          consumables spare equipment tools safety cleaning packaging services
constexpr std::array<double, 8> kKeyBasket = {0.22, 0.20, 0.18, 0.10, 0.10, 0.05, 0.05, 0.10};
constexpr std::array<double, 8> kMidBasket = {0.25, 0.20, 0.10, 0.15, 0.10, 0.06, 0.08, 0.06};
constexpr std::array<double, 8> kSmallBasket = {0.35, 0.05, 0.00, 0.10, 0.10, 0.20, 0.20, 0.00};
constexpr std::array<double, 8> kOccasionalBasket = {0.20, 0.10, 0.15, 0.25,
                                                     0.10, 0.05, 0.05, 0.10};

constexpr Product kConsumables[] = {{"Printer toner cartridge", 68},
                                    {"Copy paper A4 (box)", 24},
                                    {"Label rolls (pack)", 18},
                                    {"Ink set", 45},
                                    {"Adhesive tape (case)", 32}};
constexpr Product kSpareParts[] = {{"Bearing kit", 85},
                                   {"Drive belt", 42},
                                   {"Hydraulic seal set", 120},
                                   {"Filter cartridge", 36},
                                   {"Control relay", 64}};
constexpr Product kEquipment[] = {{"Pallet truck", 420},
                                  {"Industrial vacuum", 890},
                                  {"Workbench", 540},
                                  {"Label printer", 310},
                                  {"Air compressor", 760}};
constexpr Product kTools[] = {{"Cordless drill", 149},
                              {"Torque wrench", 96},
                              {"Tool case set", 210},
                              {"Angle grinder", 119},
                              {"Measuring kit", 58}};
constexpr Product kSafety[] = {{"Safety gloves (box)", 19},
                               {"Hard hat", 22},
                               {"Safety glasses (10)", 35},
                               {"Hi-vis vests (10)", 48},
                               {"First aid kit", 39}};
constexpr Product kCleaning[] = {{"Floor cleaner 10 l", 29},
                                 {"Disinfectant 5 l", 21},
                                 {"Paper towels (case)", 27},
                                 {"Microfibre cloths (50)", 33}};
constexpr Product kPackaging[] = {{"Stretch film roll", 16},
                                  {"Cardboard boxes (50)", 38},
                                  {"Bubble wrap roll", 26},
                                  {"Packing tape (36)", 44},
                                  {"Pallet wrap (6)", 72}};
constexpr Product kServices[] = {{"Maintenance visit", 180},
                                 {"Equipment calibration", 140},
                                 {"Training session", 350},
                                 {"Extended warranty", 95}};

constexpr std::string_view kSurnames[] = {
    "Hartmann", "Rossi",   "Dubois",  "Novak",     "Kowalski", "Fischer", "Bianchi",   "Moreau",
    "Jensen",   "Costa",   "Schmidt", "Ferrari",   "Martin",   "Bernard", "Weber",     "Russo",
    "Lambert",  "Meyer",   "Romano",  "Colombo",   "Wagner",   "Becker",  "Hoffmann",  "Schulz",
    "Lefebvre", "Garcia",  "Lopez",   "Fernandez", "Silva",    "Santos",  "Murphy",    "Kelly",
    "Walsh",    "O'Brien", "Smith",   "Jones",     "Taylor",   "Brown",   "Wilson",    "Evans",
    "Thomas",   "Roberts", "Walker",  "Wright",    "Hughes",   "Green",   "Hall",      "Clarke",
    "Baker",    "Morgan",  "Larsen",  "Nielsen",   "Andersen", "Berg",    "Lindqvist", "Horvat",
    "Kovac",    "Popescu", "Nagy",    "Varga"};
constexpr std::string_view kFirstNames[] = {
    "Anna",  "Marco",  "Sophie", "Lukas", "Elena",  "Thomas", "Giulia", "Pierre",
    "Maria", "Jonas",  "Laura",  "David", "Sara",   "Paul",   "Chiara", "Daniel",
    "Emma",  "Matteo", "Claire", "Felix", "Ingrid", "Pedro",  "Nora",   "Oliver",
    "Julia", "Andrea", "Lena",   "Hugo",  "Petra",  "Simon",  "Alice",  "Tomas",
    "Irene", "Karl",   "Marta",  "Louis", "Eva",    "Stefan", "Rita",   "Victor"};
constexpr std::string_view kIndustries[] = {
    "Engineering", "Logistics",    "Foods",      "Plastics",     "Dental Care", "Automotive",
    "Printing",    "Construction", "Metalworks", "Textiles",     "Pharma",      "Electronics",
    "Hospitality", "Packaging",    "Furniture",  "Catering",     "Cleaning",    "Machinery",
    "Agritech",    "Optics",       "Chemicals",  "Glassworks",   "Software",    "Medical",
    "Ceramics",    "Timber",       "Paper",      "Transport",    "Energy",      "Facilities",
    "Retail",      "Bakeries",     "Brewing",    "Laboratories", "Hotels",      "Clinics",
    "Tooling",     "Components",   "Systems",    "Industries"};
constexpr std::string_view kAdjectives[] = {
    "Blue",    "Northern",  "Apex",     "Summit", "Silver",  "Golden",  "Green",  "Pioneer",
    "Prime",   "Central",   "Atlantic", "Alpine", "Coastal", "Eastern", "United", "Royal",
    "Modern",  "Precision", "Rapid",    "Bright", "Crown",   "Delta",   "Eagle",  "Falcon",
    "Harbour", "Horizon",   "Meridian", "Oak",    "Red",     "Star"};
constexpr std::string_view kPlaces[] = {
    "Riverside",   "Lakeside",   "Hillview",    "Westgate",  "Bridgeport",
    "Kingsbridge", "Oakfield",   "Millbrook",   "Ashford",   "Stonebridge",
    "Fairview",    "Greenfield", "Newport",     "Highland",  "Bayside",
    "Redwood",     "Eastwood",   "Northfield",  "Southport", "Brookside",
    "Clearwater",  "Maplewood",  "Springfield", "Elmhurst",  "Cedar Creek"};
constexpr std::string_view kSuffixes[] = {"Ltd", "Inc.",  "GmbH",  "S.r.l.", "SA",
                                          "LLC", "& Co.", "Group", "B.V.",   "plc"};

constexpr std::string_view kComplaints[] = {
    "Complained that the last two deliveries arrived late; asked for a firm delivery slot.",
    "Invoice did not match the agreed prices again; wants a corrected credit note.",
    "Unhappy with how long the complaint about the damaged pallet took to be answered.",
    "Says our prices went up more than the competition this year.",
    "Technical support did not call back; the machine was down for three days.",
    "Order placed by phone was entered wrongly; asks for online ordering with confirmation.",
    "Finds the sales rep hard to reach; would like a fixed monthly visit."};
constexpr std::string_view kLeaving[] = {
    "A competitor offered 8% lower prices and 60-day payment terms; they are testing them.",
    "New purchasing manager is consolidating suppliers; we are not on the short list.",
    "Said they will move consumables to an online marketplace.",
    "Lost patience after repeated delivery errors; asked to close the account.",
    "Moved their production to another site outside our area."};
constexpr std::string_view kShrinking[] = {
    "Orders have become smaller; they now buy spare parts elsewhere.",
    "Budget cuts this year: only urgent orders until further notice.",
    "Buying part of the range from a cheaper supplier; still happy with service parts.",
    "Fewer orders since their new purchasing manager arrived; meeting requested.",
    "Asked for a discount to keep the consumables business."};
constexpr std::string_view kNeutral[] = {
    "Visited the site; asked for the new catalogue and price list.",
    "Interested in a quote for a maintenance contract next quarter.",
    "Changed their contact person for purchasing; details updated.",
    "Asked whether we can deliver to their second warehouse.",
    "Requested samples of the new packaging materials."};
constexpr std::string_view kPositive[] = {
    "Very satisfied with the quick replacement of the faulty compressor.",
    "Praised the sales rep's advice on the new safety equipment.",
    "Happy with delivery times; considering moving all consumables to us.",
    "Recommended us to a partner company in the same industrial park.",
    "Wants to extend the training sessions to their second team."};

template <class T, std::size_t N>
const T& any(const T (&items)[N], Rng& rng) {
    return items[rng.below(static_cast<std::int64_t>(N))];
}

}  // namespace

const std::array<SegmentSpec, kSegmentCount> kSegments = {{
    {"key accounts", 0.05, 16.0, 1100.0, 0.12, 0.45, 0.90, kKeyChannels, kKeyBasket},
    {"growing mid-market", 0.22, 7.5, 600.0, 0.05, 0.90, 0.50, kMidChannels, kMidBasket},
    {"price-sensitive small", 0.40, 5.0, 150.0, 0.08, 1.10, 0.55, kSmallChannels, kSmallBasket},
    {"occasional", 0.33, 2.5, 300.0, 0.00, 1.20, 0.45, kOccasionalChannels, kOccasionalBasket},
}};

const std::array<Category, 8> kCategories = {{
    {"Consumables", 0.32, kConsumables},
    {"Spare parts", 0.46, kSpareParts},
    {"Equipment", 0.21, kEquipment},
    {"Tools", 0.38, kTools},
    {"Safety", 0.41, kSafety},
    {"Cleaning", 0.34, kCleaning},
    {"Packaging", 0.27, kPackaging},
    {"Services", 0.58, kServices},
}};

const std::array<AttributeSpec, 12> kAttributes = {{
    {"Product quality", 0.35, 0.0},
    {"Delivery punctuality", -0.15, 0.0},
    {"Price/value", -0.35, 0.0},
    {"Sales rep expertise", 0.20, 0.0},
    {"Technical support", 0.00, 0.12},
    {"Invoicing accuracy", 0.10, 0.0},
    {"Ordering ease", 0.15, 0.0},
    {"Complaint handling", -0.30, 0.0},
    {"Product range", 0.25, 0.0},
    {"Payment terms", -0.10, 0.0},
    {"Website", 0.05, 0.10},
    {"Packaging", 0.30, 0.0},
}};

const std::array<double, 12> kSeasonality = {0.90, 0.95, 1.05, 1.00, 1.05, 1.00,
                                             0.95, 0.70, 1.10, 1.10, 1.05, 0.85};

const std::array<ChannelCost, kChannelCount> kCostToServe = {{
    {"store", "counter sales", 9.5, 25.0},
    {"web", "e-commerce", 3.2, 12.0},
    {"phone", "inside sales", 14.0, 60.0},
    {"partner", "partner commission", 22.0, 35.0},
    {"key account", "key account management", 45.0, 1800.0},
}};

std::string_view noteText(NoteMood mood, Rng& rng) {
    switch (mood) {
        case NoteMood::Complaint:
            return any(kComplaints, rng);
        case NoteMood::Leaving:
            return any(kLeaving, rng);
        case NoteMood::Shrinking:
            return any(kShrinking, rng);
        case NoteMood::Neutral:
            return any(kNeutral, rng);
        case NoteMood::Positive:
            return any(kPositive, rng);
    }
    return any(kNeutral, rng);
}

std::string companyName(Rng& rng) {
    // Weighted towards the patterns with the most combinations, so namesakes stay rare.
    static constexpr std::array<double, 5> kPatterns = {0.2, 0.1, 0.2, 0.1, 0.4};
    std::string s;
    switch (rng.pick(kPatterns)) {
        case 0:
            s.append(any(kSurnames, rng)).append(" ").append(any(kIndustries, rng));
            break;
        case 1:
            s.append(any(kAdjectives, rng)).append(" ").append(any(kIndustries, rng));
            break;
        case 2:
            s.append(any(kSurnames, rng)).append(" & ").append(any(kSurnames, rng));
            break;
        case 3:
            s.append(any(kPlaces, rng)).append(" ").append(any(kIndustries, rng));
            break;
        default:
            s.append(any(kAdjectives, rng)).append(" ").append(any(kPlaces, rng)).append(" ");
            s.append(any(kIndustries, rng));
            break;
    }
    if (rng.chance(0.8)) s.append(" ").append(any(kSuffixes, rng));
    return s;
}

std::string personName(Rng& rng) {
    std::string s(any(kFirstNames, rng));
    return s.append(" ").append(any(kSurnames, rng));
}

}  // namespace cw::engine::demo
