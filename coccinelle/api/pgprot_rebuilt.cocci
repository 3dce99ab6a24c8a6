// SPDX-License-Identifier: GPL-2.0-only
///
/// A user mapping takes its page protection from its VMA: vm_page_prot,
/// from vm_get_page_prot(vm_flags), is the only protection that follows
/// the mapping's access rights (VM_READ, VM_WRITE, VM_EXEC, VM_SHARED),
/// and on x86 with SME/SEV it carries the memory-encryption bit
/// (arch/x86/mm/pgprot.c encrypts protection_map at boot).  An mmap or
/// fault handler that maps with a protection of its own, PAGE_SHARED,
/// PAGE_READONLY, __pgprot(bits) ..., loses both: PAGE_SHARED is
/// writable in a PROT_READ mapping (of a file opened read-only too), and
/// on SME the user reads the ciphertext of RAM that the kernel wrote
/// through its encrypted mapping.  (PAGE_KERNEL* has the encryption bit
/// on x86, but no _PAGE_USER, and _PAGE_GLOBAL.)  The correct forms
/// start from the VMA: vma->vm_page_prot as it is, through
/// pgprot_writecombine(), pgprot_noncached(), pgprot_decrypted() (MMIO)
/// or pgprot_modify(), or vm_get_page_prot(vma->vm_flags).
///
/// The rule looks at the protection passed to remap_pfn_range(),
/// io_remap_pfn_range(), vmf_insert_pfn_prot() and
/// ttm_bo_vm_fault_reserved(), and at what is stored in vma->vm_page_prot
/// or in an mmap_prepare handler's desc->page_prot, directly or through a
/// local variable set on a path to the use and not set again.  (The
/// vm_insert_*(), vm_map_pages() and remap_vmalloc_range() family takes
/// vm_page_prot itself.)  It reports a protection built from constants
/// only: PAGE_SHARED*, PAGE_COPY*, PAGE_READONLY*, PAGE_EXECONLY*,
/// PAGE_KERNEL* or __pgprot() of constant bits, under pgprot_*() helpers
/// or not.  For precision it leaves out any protection that names a
/// variable or another function: so all that start from the VMA, but
/// also pgprot_modify(vma->vm_page_prot, PAGE_SHARED), which keeps the
/// constant's rights, and cond ? PAGE_SHARED : PAGE_READONLY; PAGE_NONE
/// (no access to leak); a static VMA (gate_vma.vm_page_prot: the gate
/// page is in kernel page tables); kernel mappings (vmap(),
/// ioremap_prot(), set_memory_*()), which take no VMA.  Not seen: a
/// protection kept in a structure or passed in by a caller, a local
/// variable rebuilt from itself (prot = pgprot_noncached(prot) ends the
/// match).  False positives by nature: a handler that refuses VM_WRITE
/// itself and maps memory that is never encrypted (MMIO, or shared with
/// a hypervisor): the constant is then harmless, though still not right.
///
/// No patch mode: which helper is right (pgprot_decrypted() for MMIO,
/// pgprot_writecombine() for a frame buffer, vm_page_prot as it is for
/// RAM) depends on the memory mapped.
///
// Confidence: High
// Options: --no-includes --include-headers

virtual context
virtual org
virtual report

@initialize:python@
@@
import re

# (file, line, column) of a mapping call or store -> its message
found = {}

def key(p):
    return (p[0].file, p[0].line, p[0].column)

def rebuilt(prot):
    # Built from constants only: a PAGE_* protection or __pgprot(), under
    # pgprot_*() helpers and with constant (upper-case) bits, nothing else.
    if not re.search(r"\b(PAGE_(SHARED|COPY|READONLY|EXECONLY|KERNEL)\w*|__pgprot)\b", prot):
        return False
    return all(n == "__pgprot" or n.startswith("pgprot_") or n.isupper()
               for n in re.findall(r"\b[A-Za-z_]\w*", prot))

def record(p, f, desc, prot, x=None, q=None):
    prot = re.sub(r" ?([()]) ?", r"\1", prot)
    if x:
        prot = "%s = %s (line %s)" % (x, prot, q[0].line)
    if f:
        use = "passed to %s()" % f
    else:
        use = "stored in " + ("desc->page_prot" if desc else "vma->vm_page_prot")
    found.setdefault(key(p), "%s %s: a user mapping's protection must start from vma->vm_page_prot" % (prot, use))

// Files that name one of them (this gives spatch its grep query).
@uses@
expression E;
@@
(
 remap_pfn_range(...)
|
 io_remap_pfn_range(...)
|
 vmf_insert_pfn_prot(...)
|
 ttm_bo_vm_fault_reserved(...)
|
 E->vm_page_prot
|
 E->page_prot
)

@direct depends on uses@
expression P : script:python() { rebuilt(P) };
expression V, A, B, S;
struct vm_area_desc *D;
identifier f = {remap_pfn_range, io_remap_pfn_range};
identifier g = {vmf_insert_pfn_prot};
identifier h = {ttm_bo_vm_fault_reserved};
position p;
@@
(
 f@p(V, A, B, S, P)
|
 g@p(V, A, B, P)
|
 h@p(V, P, A)
|
 V->vm_page_prot@p = P
|
 D->page_prot@p = P
)

@script:python@
f << direct.f = "";
g << direct.g = "";
h << direct.h = "";
D << direct.D = "";
P << direct.P;
p << direct.p;
@@
record(p, f or g or h, D, P)

// The same through a local variable set on a path to the use.
@via_var depends on uses exists@
expression P : script:python() { rebuilt(P) };
expression V, A, B, S, E;
struct vm_area_desc *D;
identifier x;
type T;
identifier f = {remap_pfn_range, io_remap_pfn_range};
identifier g = {vmf_insert_pfn_prot};
identifier h = {ttm_bo_vm_fault_reserved};
position p, q;
@@
(
 T x@q = P;
|
 x@q = P
)
 ... when != x = E
     when != &x
(
 f@p(V, A, B, S, x)
|
 g@p(V, A, B, x)
|
 h@p(V, x, A)
|
 V->vm_page_prot@p = x
|
 D->page_prot@p = x
)

@script:python@
f << via_var.f = "";
g << via_var.g = "";
h << via_var.h = "";
D << via_var.D = "";
P << via_var.P;
x << via_var.x;
p << via_var.p;
q << via_var.q;
@@
record(p, f or g or h, D, P, x, q)

// What was found, by name.
@sink@
position p : script:python() { key(p) in found };
expression list es;
expression V, P;
@@
(
* remap_pfn_range@p(es)
|
* io_remap_pfn_range@p(es)
|
* vmf_insert_pfn_prot@p(es)
|
* ttm_bo_vm_fault_reserved@p(es)
|
* V->vm_page_prot@p = P
|
* V->page_prot@p = P
)

@script:python depends on org@
p << sink.p;
@@
coccilib.org.print_todo(p[0], found[key(p)])

@script:python depends on report@
p << sink.p;
@@
coccilib.report.print_report(p[0], "WARNING: " + found[key(p)])
