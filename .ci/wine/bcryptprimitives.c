/*
 * A stand-in for Windows' bcryptprimitives.dll, for tests under Wine only.
 *
 * Go programs since Go 1.24 get their random numbers from ProcessPrng in
 * bcryptprimitives.dll and stop at start-up without it. Every Windows that Go
 * supports (10 and later) has it; Wine gained it in 9.x, but Debian 12 ships Wine 8.0.
 * .ci/wine-prefix builds this file with mingw-w64 into the throw-away Wine prefix's
 * system32, where it passes the call on to RtlGenRandom (advapi32's SystemFunction036),
 * which Wine has. It is never shipped.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size)
{
	while (size > 0) {
		ULONG n = size > 0x40000000 ? 0x40000000 : (ULONG)size;
		if (!SystemFunction036(data, n))
			return FALSE;
		data += n;
		size -= n;
	}
	return TRUE;
}
