// SPDX-License-Identifier: GPL-2.0-only
///
/// An MMU notifier's invalidation callback may be called where it must
/// not sleep: the OOM reaper tears down a dying process's memory with
/// mmu_notifier_invalidate_range_start_nonblock(), and a callback asked
/// not to block (!mmu_notifier_range_blockable(range)) must return false
/// (-EAGAIN for .invalidate_range_start) rather than sleep.  The
/// callbacks: .invalidate and .invalidate_start of struct
/// mmu_interval_notifier_ops, .invalidate_range_start of struct
/// mmu_notifier_ops.  .arch_invalidate_secondary_tlbs of struct
/// mmu_notifier_ops is called under the page table lock and must never
/// sleep.  See include/linux/mmu_notifier.h.
///
/// The rule reports, in the body of such a callback, a call that sleeps
/// (mutex_lock*(), down_read*(), down_write*(), msleep(), schedule(),
/// wait_for_completion*(), wait_event*(), synchronize_rcu(),
/// flush_work(), cancel_work_sync(), flush_workqueue(), might_sleep(),
/// an allocation with GFP_KERNEL) on a path from the start of the
/// callback that does not test mmu_notifier_range_blockable(); in
/// .arch_invalidate_secondary_tlbs, any such call.  Not seen: a sleeping
/// call in a function the callback calls (a false negative), a
/// blockable test that does not guard the call (a false negative: the
/// path went through the test).
///
/// No patch mode: the fix (a trylock and return false, a spinlock,
/// deferring to a work item) depends on the driver.
///
// Confidence: High
// Options: --no-includes --include-headers

virtual context
virtual org
virtual report

@cb@
identifier ops, fn;
@@
(
struct mmu_interval_notifier_ops ops = {
	.invalidate = fn,
};
|
struct mmu_interval_notifier_ops ops = {
	.invalidate_start = fn,
};
|
struct mmu_notifier_ops ops = {
	.invalidate_range_start = fn,
};
)

@tlb@
identifier ops, fn;
@@
struct mmu_notifier_ops ops = {
	.arch_invalidate_secondary_tlbs = fn,
};

@sleeps depends on cb exists@
identifier cb.fn, range;
position p;
@@
fn(..., const struct mmu_notifier_range *range, ...)
{
... when != mmu_notifier_range_blockable(...)
    when any
(
mutex_lock@p(...)
|
mutex_lock_nested@p(...)
|
mutex_lock_interruptible@p(...)
|
mutex_lock_killable@p(...)
|
down_read@p(...)
|
down_write@p(...)
|
down_read_killable@p(...)
|
down_write_killable@p(...)
|
msleep@p(...)
|
usleep_range@p(...)
|
schedule@p()
|
wait_for_completion@p(...)
|
wait_for_completion_timeout@p(...)
|
wait_event@p(...)
|
wait_event_timeout@p(...)
|
synchronize_rcu@p()
|
synchronize_srcu@p(...)
|
flush_work@p(...)
|
cancel_work_sync@p(...)
|
flush_workqueue@p(...)
|
might_sleep@p()
|
kmalloc@p(..., GFP_KERNEL)
|
kzalloc@p(..., GFP_KERNEL)
|
kcalloc@p(..., GFP_KERNEL)
|
kmalloc_array@p(..., GFP_KERNEL)
|
kvmalloc@p(..., GFP_KERNEL)
)
... when any
}

@tlb_sleeps depends on tlb exists@
identifier tlb.fn, mn;
position p;
@@
fn(struct mmu_notifier *mn, ...)
{
<+...
(
mutex_lock@p(...)
|
mutex_lock_nested@p(...)
|
down_read@p(...)
|
down_write@p(...)
|
msleep@p(...)
|
schedule@p()
|
wait_for_completion@p(...)
|
wait_for_completion_timeout@p(...)
|
synchronize_rcu@p()
|
flush_work@p(...)
|
cancel_work_sync@p(...)
|
might_sleep@p()
|
kmalloc@p(..., GFP_KERNEL)
|
kzalloc@p(..., GFP_KERNEL)
)
...+>
}

@script:python depends on report@
p << sleeps.p;
fn << cb.fn;
@@
coccilib.report.print_report(p[0], "WARNING: %s() may sleep here without testing mmu_notifier_range_blockable(): it is an MMU notifier invalidation callback" % fn)

@script:python depends on report@
p << tlb_sleeps.p;
fn << tlb.fn;
@@
coccilib.report.print_report(p[0], "WARNING: %s() may sleep here: it is an arch_invalidate_secondary_tlbs callback, called under the page table lock" % fn)

@script:python depends on org@
p << sleeps.p;
@@
coccilib.org.print_todo(p[0], "sleeping call in an MMU notifier invalidation callback without mmu_notifier_range_blockable()")

@script:python depends on org@
p << tlb_sleeps.p;
@@
coccilib.org.print_todo(p[0], "sleeping call in arch_invalidate_secondary_tlbs")

@depends on context@
identifier f;
position sleeps.p;
@@
* f@p(...)

@depends on context@
identifier f;
position tlb_sleeps.p;
@@
* f@p(...)
