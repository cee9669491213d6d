// Linked into every static bootstrap (scripts/package). Why:
//
// A static glibc (2.36 here) resolves names with its built-in `files` and `dns` NSS modules, but for
// any other module named in /etc/nsswitch.conf (myhostname, resolve, sss, ...) it dlopen()s
// libnss_<name>.so.2 from the host. On Lambda those are Amazon Linux's glibc 2.26/2.34 builds, which
// must never be loaded into our 2.36 libc. Pinning the lookups to the built-in modules means the
// bootstrap reads only /etc/hosts and /etc/resolv.conf, whatever nsswitch.conf says.
#include <nss.h>

__attribute__((constructor)) static void use_builtin_nss_modules(void) {
    __nss_configure_lookup("hosts", "files dns");
    __nss_configure_lookup("services", "files");
    __nss_configure_lookup("passwd", "files");
    __nss_configure_lookup("group", "files");
}
