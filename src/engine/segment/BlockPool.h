#pragma once
// A few threads kept for the duration of one computation (a k-means fit runs hundreds of
// short passes; starting threads for each would cost more than the pass). Blocks are handed
// out dynamically, so callers that need reproducible results keep one result per block and
// combine them in block order, which makes the outcome independent of the thread count.
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace cw::engine {

class BlockPool {
public:
    /// fn(block, worker): worker is in [0, threads), for per-thread scratch space.
    using BlockFn = std::function<void(std::int64_t block, int worker)>;

    /// `threads` workers in all, the calling thread included (1 = no extra threads).
    explicit BlockPool(int threads);
    ~BlockPool();
    BlockPool(const BlockPool&) = delete;
    BlockPool& operator=(const BlockPool&) = delete;

    int threads() const { return static_cast<int>(m_workers.size()) + 1; }
    /// Runs fn for every block in [0, blocks) and returns when all are done.
    void run(std::int64_t blocks, const BlockFn& fn);

private:
    void workerLoop(int worker);
    void drain(int worker);

    std::vector<std::thread> m_workers;
    std::mutex m_mutex;
    std::condition_variable m_wake, m_idle;
    const BlockFn* m_fn = nullptr;
    std::int64_t m_blocks = 0;
    std::int64_t m_next = 0;  // next block to hand out (under m_mutex)
    std::uint64_t m_generation = 0;
    int m_busy = 0;
    bool m_stop = false;
};

}  // namespace cw::engine
