#pragma once
// The fixed vocabulary of demo workbooks: regions, channels, segments,
// products, service attributes, names and front-line note texts. A B2B
// distributor of professional supplies, so that every figure looks plausible.
#include <array>
#include <span>
#include <string>
#include <string_view>

namespace cw::engine::demo {

class Rng;

inline constexpr std::array<std::string_view, 6> kRegions = {"North", "South",  "East",
                                                             "West",  "Centre", "Islands"};

enum Channel { kStore, kWeb, kPhone, kPartner, kKeyAccount, kChannelCount };
inline constexpr std::array<std::string_view, kChannelCount> kChannels = {"store", "web", "phone",
                                                                          "partner", "key account"};

/// Planted customer segments (the truth that clustering should recover).
enum Segment { kKeyAccounts, kGrowingMid, kPriceSensitive, kOccasional, kSegmentCount };

struct SegmentSpec {
    std::string_view name;
    double share;             ///< share of customers
    double ordersPerYear;     ///< median purchase frequency
    double ticket;            ///< median order value at company size 1
    double discount;          ///< price discount granted (lower margin)
    double churnFactor;       ///< relative propensity to leave
    double oldCustomerShare;  ///< share acquired before the history starts
    std::array<double, kChannelCount> channelWeights;
    std::array<double, 8> categoryWeights;  ///< over kCategories
};
extern const std::array<SegmentSpec, kSegmentCount> kSegments;

struct Product {
    std::string_view name;
    double price;  ///< list unit price
};
struct Category {
    std::string_view name;
    double margin;  ///< gross margin at list price
    std::span<const Product> products;
};
extern const std::array<Category, 8> kCategories;

struct AttributeSpec {
    std::string_view name;
    double bias;     ///< how well the company does on it, in scale points
    double naShare;  ///< share of answers "not applicable"
};
/// The twelve service attributes; a survey uses the first K.
extern const std::array<AttributeSpec, 12> kAttributes;

/// Monthly seasonality of order values (January first).
extern const std::array<double, 12> kSeasonality;

struct ChannelCost {
    std::string_view channel;
    std::string_view activity;
    double perOrder;
    double perCustomerYear;
};
extern const std::array<ChannelCost, kChannelCount> kCostToServe;

enum class NoteMood { Complaint, Leaving, Shrinking, Neutral, Positive };
/// A front-line note text for the mood.
std::string_view noteText(NoteMood mood, Rng& rng);

std::string companyName(Rng& rng);
std::string personName(Rng& rng);

}  // namespace cw::engine::demo
