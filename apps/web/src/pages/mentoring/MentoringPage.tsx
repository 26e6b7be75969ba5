import { useMe } from '../../app/me';
import { workRights } from '../../app/scope';
import { ProblemResult } from '../../features/common/ProblemResult';
import { ManagerMentoring } from './ManagerMentoring';
import { MyMentoring } from './MyMentoring';

/** `/mentoring` (师徒结对): a teacher's own pairs; for managers, the group's pairs and suggestions. */
export default function MentoringPage() {
  const { me, active } = useMe();
  const rights = workRights(active, !!me?.teacher);
  if (!rights.mentoring) return <ProblemResult code="FORBIDDEN" />;
  return rights.manager ? <ManagerMentoring active={active} /> : <MyMentoring teacherId={me!.teacher!.id} />;
}
