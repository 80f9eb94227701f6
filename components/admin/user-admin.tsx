"use client";
/** Admin screen for accounts: the user table with role and active controls, and the create form. */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { Alert, Badge, DataTable } from "@/components/ui/surface";
import { ROLE_LABELS, ROLES, roleSchema, type Role } from "@/lib/roles";
import { useTRPC } from "@/lib/trpc/client";
import { errorMessage } from "@/lib/trpc/error-message";
import { CreateUserForm } from "./create-user-form";

export interface AdminUser {
  id: string;
  email: string;
  name: string;
  role: string;
  active: boolean;
  createdAt: Date;
}

export function UserAdmin({ initialUsers, currentUserId }: { initialUsers: AdminUser[]; currentUserId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const users = useQuery(trpc.users.list.queryOptions(undefined, { initialData: initialUsers }));
  const invalidate = () => queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
  const setRole = useMutation(trpc.users.setRole.mutationOptions({ onSuccess: invalidate }));
  const setActive = useMutation(trpc.users.setActive.mutationOptions({ onSuccess: invalidate }));
  const failure = setRole.error ?? setActive.error;

  return (
    <div style={{ display: "grid", gap: "var(--space-5)" }}>
      {failure ? <Alert tone="error">{errorMessage(failure)}</Alert> : null}
      <DataTable aria-label="Users">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {(users.data ?? []).map((user) => {
            const isSelf = user.id === currentUserId;
            return (
              <tr key={user.id}>
                <td>{user.name}</td>
                <td>{user.email}</td>
                <td>
                  <select
                    aria-label={`Role of ${user.email}`}
                    value={user.role}
                    disabled={isSelf || setRole.isPending}
                    onChange={(event) => setRole.mutate({ userId: user.id, role: roleSchema.parse(event.target.value) })}
                  >
                    {ROLES.map((role: Role) => (
                      <option key={role} value={role}>
                        {ROLE_LABELS[role]}
                      </option>
                    ))}
                  </select>
                </td>
                <td>{user.active ? <Badge tone="success">Active</Badge> : <Badge tone="danger">Deactivated</Badge>}</td>
                <td>
                  {isSelf ? (
                    <span style={{ color: "var(--color-text-muted)" }}>You</span>
                  ) : (
                    <Button size="small" disabled={setActive.isPending} onClick={() => setActive.mutate({ userId: user.id, active: !user.active })}>
                      {user.active ? `Deactivate` : `Reactivate`}
                      <span className="visually-hidden"> {user.email}</span>
                    </Button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </DataTable>
      <CreateUserForm onCreated={invalidate} />
    </div>
  );
}
